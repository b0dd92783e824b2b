// Correct: a buffered channel as a counting semaphore limits concurrency to
// two; the shared tally is guarded by a mutex (the semaphore alone admits
// two holders, so it does not protect data).
package main

import (
	"fmt"
	"sync"
)

func main() {
	sem := make(chan struct{}, 2)
	var mu sync.Mutex
	active, peak, done := 0, 0, 0
	var wg sync.WaitGroup
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			mu.Lock()
			active++
			if active > peak {
				peak = active
			}
			mu.Unlock()
			mu.Lock()
			active--
			done++
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("done", done, "peak <= 2:", peak <= 2)
}
