// Bug: a mutex left locked on an error path. Store.Update returns early when
// validation fails without unlocking, so the background flusher blocks on
// Lock forever; main never touches the lock again and returns.
// Shows in: the default schedule: main returns while the flusher is blocked
// on "sync.Mutex.Lock".
package main

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

type Store struct {
	mu   sync.Mutex
	data map[string]int
}

func (s *Store) Update(k string, v int) error {
	s.mu.Lock()
	if v < 0 {
		return errors.New("negative value") // bug: s.mu stays locked
	}
	s.data[k] = v
	s.mu.Unlock()
	return nil
}

func (s *Store) flushLater() {
	time.Sleep(10 * time.Millisecond)
	s.mu.Lock()
	fmt.Println("flushing", len(s.data), "keys")
	s.mu.Unlock()
}

func main() {
	s := &Store{data: map[string]int{}}
	go s.flushLater()
	fmt.Println(s.Update("a", 1), s.Update("b", -1))
	time.Sleep(30 * time.Millisecond)
	fmt.Println("main done")
}
