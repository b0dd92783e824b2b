// Bug (etcd-style): two types each guard their state with a mutex. One path
// locks the store and then the watcher hub, the other locks the hub and then
// the store. With both first locks taken (the sleeps force it), each
// goroutine waits for the other forever.
package main

import (
	"fmt"
	"sync"
	"time"
)

type Store struct {
	mu  sync.Mutex
	rev int
	hub *WatchHub
}

type WatchHub struct {
	mu       sync.Mutex
	watchers int
	store    *Store
}

// Put: store.mu -> hub.mu
func (s *Store) Put() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rev++
	fmt.Println("put: holding store lock, rev", s.rev)
	time.Sleep(100 * time.Millisecond)
	s.hub.notify()
}

func (h *WatchHub) notify() {
	h.mu.Lock()
	defer h.mu.Unlock()
	fmt.Println("notified", h.watchers)
}

// Watch: hub.mu -> store.mu
func (h *WatchHub) Watch() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.watchers++
	time.Sleep(100 * time.Millisecond)
	fmt.Println("watch: holding hub lock, reading rev")
	fmt.Println("rev", h.store.currentRev())
}

func (s *Store) currentRev() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.rev
}

func main() {
	s := &Store{}
	h := &WatchHub{store: s}
	s.hub = h
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		s.Put()
	}()
	go func() {
		defer wg.Done()
		time.Sleep(50 * time.Millisecond)
		h.Watch()
	}()
	wg.Wait()
	fmt.Println("done")
}
