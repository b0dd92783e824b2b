// Bug: a worker waits on the WaitGroup it belongs to. The coordinator worker
// calls wg.Wait to know when the others are done, but its own Done is
// deferred until after that Wait, so the counter never reaches zero.
// Shows in: every schedule, the default one included.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			total += i
			mu.Unlock()
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		wg.Wait() // waits for itself too
		fmt.Println("all workers done")
	}()
	wg.Wait()
	fmt.Println("total", total)
}
