// Bug: recursive RLock that only deadlocks when a writer slips in. Stats.Report
// read-locks and calls Stats.Mean, which read-locks again. Nothing sleeps, so
// in the default schedule the updater's Lock comes before or after the
// reader's pair of RLocks and all goroutines finish; a lock-order checker
// must still flag the nested RLock (it can deadlock with a waiting writer).
// Shows in: every schedule as a lock-order finding; the deadlock itself
// needs the writer's Lock exactly between the two RLocks (rare).
package main

import (
	"fmt"
	"sync"
)

type Stats struct {
	mu      sync.RWMutex
	samples []int
}

func (s *Stats) Mean() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
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
	return fmt.Sprintf("n=%d mean=%d", len(s.samples), s.Mean())
}

func (s *Stats) Add(v int) {
	s.mu.Lock()
	s.samples = append(s.samples, v)
	s.mu.Unlock()
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
		fmt.Println(s.Report())
	}()
	wg.Wait()
	fmt.Println("final", s.Report())
}
