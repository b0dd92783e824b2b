package main

import (
	"fmt"
	"sync"
)

// Embedding sync.Mutex promotes Lock/Unlock: the common guarded-struct
// pattern, used from many goroutines.
type Counter struct {
	sync.Mutex
	counts map[string]int
}

func (c *Counter) Inc(k string) {
	c.Lock()
	defer c.Unlock()
	c.counts[k]++
}

type Stats struct {
	mu sync.RWMutex
	n  int
}

func (s *Stats) Add() {
	s.mu.Lock()
	s.n++
	s.mu.Unlock()
}

func (s *Stats) Get() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.n
}

func main() {
	c := Counter{counts: map[string]int{}}
	st := &Stats{}
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			c.Inc([]string{"a", "b"}[i%2])
			st.Add()
		}(i)
	}
	wg.Wait()
	fmt.Println(c.counts["a"], c.counts["b"], st.Get())
	c.Lock()
	fmt.Println(len(c.counts))
	c.Unlock()
}
