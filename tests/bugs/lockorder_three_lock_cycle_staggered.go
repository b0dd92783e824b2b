// Bug: a three-lock cycle that the default schedule never closes. Three
// workers take (A,B), (B,C) and (C,A), started 2ms apart, so each one has
// finished before the next starts. A lock-order checker must report the
// cycle A -> B -> C -> A; with the workers overlapping it deadlocks.
// Shows in: every schedule as a lock-order finding; no deadlock on the
// virtual clock.
package main

import (
	"fmt"
	"sync"
	"time"
)

type Resource struct {
	mu   sync.Mutex
	name string
	uses int
}

func useBoth(first, second *Resource) {
	first.mu.Lock()
	defer first.mu.Unlock()
	second.mu.Lock()
	defer second.mu.Unlock()
	first.uses++
	second.uses++
}

func main() {
	a := &Resource{name: "A"}
	b := &Resource{name: "B"}
	c := &Resource{name: "C"}
	pairs := [][2]*Resource{{a, b}, {b, c}, {c, a}}
	var wg sync.WaitGroup
	for i, p := range pairs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Duration(i*2) * time.Millisecond)
			useBoth(p[0], p[1])
		}()
	}
	wg.Wait()
	fmt.Println(a.uses, b.uses, c.uses)
}
