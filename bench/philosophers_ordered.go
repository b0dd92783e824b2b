// Dining philosophers, deadlock-free: as bench/philosophers.go, but each
// philosopher locks the lower-numbered of its two forks first (resource
// ordering), so the last philosopher reaches for fork 0 before fork N-1 and
// no cycle of waiting can form. The explorer should prove it free of
// deadlock in every interleaving; the Promela twin is
// bench/philosophers_ordered.pml.
package main

import (
	"fmt"
	"sync"
)

const N = 3     // philosophers and forks
const Meals = 2 // meals per philosopher

func philosopher(id int, first, second *sync.Mutex, eaten []int, wg *sync.WaitGroup) {
	defer wg.Done()
	for m := 0; m < Meals; m++ {
		first.Lock()
		second.Lock()
		eaten[id]++ // guarded by both forks
		second.Unlock()
		first.Unlock()
	}
}

func main() {
	forks := make([]*sync.Mutex, N)
	for i := range forks {
		forks[i] = new(sync.Mutex)
	}
	eaten := make([]int, N)
	var wg sync.WaitGroup
	for i := 0; i < N; i++ {
		lo, hi := i, (i+1)%N
		if hi < lo {
			lo, hi = hi, lo
		}
		wg.Add(1)
		go philosopher(i, forks[lo], forks[hi], eaten, &wg)
	}
	wg.Wait()
	fmt.Println("meals:", eaten)
}
