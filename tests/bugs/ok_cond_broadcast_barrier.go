// Correct: a reusable barrier on sync.Cond. Arrivals count under the lock;
// the last one starts a new generation and broadcasts; waiters loop until
// their generation has passed, so neither early nor spurious wakeups break
// it.
package main

import (
	"fmt"
	"sync"
)

type Barrier struct {
	mu      sync.Mutex
	cond    *sync.Cond
	n       int
	arrived int
	gen     int
}

func NewBarrier(n int) *Barrier {
	b := &Barrier{n: n}
	b.cond = sync.NewCond(&b.mu)
	return b
}

func (b *Barrier) Await() {
	b.mu.Lock()
	defer b.mu.Unlock()
	g := b.gen
	b.arrived++
	if b.arrived == b.n {
		b.arrived = 0
		b.gen++
		b.cond.Broadcast()
		return
	}
	for g == b.gen {
		b.cond.Wait()
	}
}

func main() {
	const workers, phases = 3, 3
	b := NewBarrier(workers)
	var mu sync.Mutex
	log := []int{}
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := 0; p < phases; p++ {
				mu.Lock()
				log = append(log, p)
				mu.Unlock()
				b.Await()
			}
		}()
	}
	wg.Wait()
	ordered := true
	for i := 1; i < len(log); i++ {
		if log[i] < log[i-1] {
			ordered = false
		}
	}
	fmt.Println(len(log), "steps, phases in order:", ordered)
}
