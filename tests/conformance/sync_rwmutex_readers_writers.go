package main

import (
	"fmt"
	"sync"
)

type Stats struct {
	mu     sync.RWMutex
	counts map[string]int
}

func (s *Stats) Inc(k string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.counts[k]++
}

func (s *Stats) Get(k string) int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.counts[k]
}

func main() {
	s := &Stats{counts: map[string]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				s.Inc("a")
			}
		}()
		go func() {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				_ = s.Get("a")
			}
		}()
	}
	wg.Wait()
	fmt.Println("a =", s.Get("a"))

	var rw sync.RWMutex
	fmt.Println(rw.TryRLock(), rw.TryRLock(), rw.TryLock())
	rw.RUnlock()
	rw.RUnlock()
	fmt.Println(rw.TryLock(), rw.TryRLock(), rw.TryLock())
	rw.Unlock()
	rw.RLock()
	rw.RUnlock()
	fmt.Println("done")
}
