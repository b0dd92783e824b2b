// Correct: the recursive-RLock fix. Public methods take the lock once and call
// unexported helpers that expect the lock to be held, so no goroutine ever
// read-locks twice, and a concurrent writer cannot wedge a reader.
package main

import (
	"fmt"
	"sync"
)

type Stats struct {
	mu      sync.RWMutex
	samples []int
}

// meanLocked needs s.mu held (read or write).
func (s *Stats) meanLocked() int {
	if len(s.samples) == 0 {
		return 0
	}
	sum := 0
	for _, v := range s.samples {
		sum += v
	}
	return sum / len(s.samples)
}

func (s *Stats) Report() string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return fmt.Sprintf("n=%d mean=%d", len(s.samples), s.meanLocked())
}

func (s *Stats) Add(v int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.samples = append(s.samples, v)
}

func main() {
	s := &Stats{}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 1; i <= 3; i++ {
			s.Add(i * 10)
		}
	}()
	go func() {
		defer wg.Done()
		s.Report()
	}()
	wg.Wait()
	fmt.Println(s.Report())
}
