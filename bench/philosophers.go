// Dining philosophers, deadlock-prone: N philosophers around N forks (one
// sync.Mutex each); every philosopher locks its left fork, then its right
// one, and eats Meals times. If all N take their left fork at once, each
// waits for its right neighbour forever ("all goroutines are asleep"), a
// schedule the explorer must find; the default schedule usually finishes.
// N = 3, 4 or 5 for the benchmark (bench/philosophers.md); the same model in
// Promela is bench/philosophers.pml.
package main

import (
	"fmt"
	"sync"
)

const N = 3     // philosophers and forks
const Meals = 2 // meals per philosopher

func philosopher(id int, left, right *sync.Mutex, eaten []int, wg *sync.WaitGroup) {
	defer wg.Done()
	for m := 0; m < Meals; m++ {
		left.Lock()
		right.Lock()
		eaten[id]++ // guarded by both forks
		right.Unlock()
		left.Unlock()
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
		wg.Add(1)
		go philosopher(i, forks[i], forks[(i+1)%N], eaten, &wg)
	}
	wg.Wait()
	fmt.Println("meals:", eaten)
}
