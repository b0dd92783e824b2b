// sync.Once raced by 32 goroutines (the function runs once, everyone sees
// its result), then a sync.Cond barrier run for many rounds with Broadcast.
package main

import (
	"fmt"
	"sync"
)

type Barrier struct {
	mu    sync.Mutex
	cond  *sync.Cond
	n     int
	count int
	gen   int
}

func NewBarrier(n int) *Barrier {
	b := &Barrier{n: n}
	b.cond = sync.NewCond(&b.mu)
	return b
}

func (b *Barrier) Wait() {
	b.mu.Lock()
	gen := b.gen
	b.count++
	if b.count == b.n {
		b.count = 0
		b.gen++
		b.cond.Broadcast()
	} else {
		for gen == b.gen {
			b.cond.Wait()
		}
	}
	b.mu.Unlock()
}

func main() {
	var once sync.Once
	calls := 0
	value := 0
	var wg sync.WaitGroup
	seen := make([]int, 32)
	for g := 0; g < 32; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(func() {
				calls++
				value = 42
			})
			seen[g] = value
		}()
	}
	wg.Wait()
	ok := true
	for _, v := range seen {
		ok = ok && v == 42
	}
	fmt.Println("once calls", calls, "all saw value", ok)

	const workers = 12
	const rounds = 120
	b := NewBarrier(workers)
	var mu sync.Mutex
	slots := make([]int, rounds)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := 0; r < rounds; r++ {
				mu.Lock()
				slots[r] += w + 1
				mu.Unlock()
				b.Wait()
				// After the barrier every worker has written round r.
				mu.Lock()
				if slots[r] != workers*(workers+1)/2 {
					slots[r] = -1000000
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	good := 0
	for _, s := range slots {
		if s == workers*(workers+1)/2 {
			good++
		}
	}
	fmt.Println("barrier rounds complete", good, "of", rounds, "generations", b.gen)

	// Signal hands out tickets one at a time.
	var cmu sync.Mutex
	cond := sync.NewCond(&cmu)
	tickets := 0
	served := 0
	for g := 0; g < 20; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 5; k++ {
				cmu.Lock()
				for tickets == 0 {
					cond.Wait()
				}
				tickets--
				served++
				cmu.Unlock()
			}
		}()
	}
	for i := 0; i < 100; i++ {
		cmu.Lock()
		tickets++
		cond.Signal()
		cmu.Unlock()
	}
	wg.Wait()
	fmt.Println("served", served, "left", tickets)
}
