// A buffered channel as a counting semaphore.
//
// Six tasks want to run, but at most two may run at once (think: two
// database connections). A `chan struct{}` with capacity 2 holds the
// permits: sending acquires one (it blocks while both slots are taken) and
// receiving releases it. The program measures how many tasks were ever
// inside at the same time; the answer is the capacity, not six.
//
// What to watch: all six task lanes start almost together, but only two
// get past `sem <- struct{}{}`; the other four are blocked with "chan send"
// and the occupancy of `sem` sits at 2/2. Each release wakes exactly one
// waiting task, so the lanes run in waves of two.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	sem := make(chan struct{}, 2)
	var mu sync.Mutex
	var wg sync.WaitGroup
	running, maxRunning := 0, 0
	results := make([]int, 6)

	for id := range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}        // acquire: blocks while 2 tasks hold permits
			defer func() { <-sem }() // release

			mu.Lock()
			running++
			if running > maxRunning {
				maxRunning = running
			}
			mu.Unlock()

			time.Sleep(20 * time.Millisecond) // the work
			results[id] = id * 10

			mu.Lock()
			running--
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("results:", results)
	fmt.Println("most tasks running at once:", maxRunning)
}
