// Bug: a three-lock cycle. Three pipeline stages each lock their own buffer
// and then the next stage's (stage 2 -> stage 0 closes the ring). With all
// three first locks taken, each waits for the next.
// Shows in: the default schedule (the sleep lets every stage take its own
// lock first); Go reports a deadlock. The lock-order graph has the cycle
// s0 -> s1 -> s2 -> s0.
package main

import (
	"fmt"
	"sync"
	"time"
)

type Stage struct {
	mu    sync.Mutex
	name  string
	items int
	next  *Stage
}

func (s *Stage) forward() {
	s.mu.Lock()
	defer s.mu.Unlock()
	time.Sleep(5 * time.Millisecond)
	s.next.mu.Lock()
	s.next.items += s.items
	s.items = 0
	s.next.mu.Unlock()
}

func main() {
	s0 := &Stage{name: "parse", items: 1}
	s1 := &Stage{name: "check", items: 2}
	s2 := &Stage{name: "emit", items: 3}
	s0.next, s1.next, s2.next = s1, s2, s0
	var wg sync.WaitGroup
	for _, s := range []*Stage{s0, s1, s2} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.forward()
		}()
	}
	wg.Wait()
	fmt.Println(s0.items, s1.items, s2.items)
}
