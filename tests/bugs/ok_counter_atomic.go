// Correct: counters updated with sync/atomic (typed atomics and the function
// API) and read with atomic loads.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var ok atomic.Int64
	var failed int32
	var wg sync.WaitGroup
	for i := 1; i <= 6; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i%3 == 0 {
				atomic.AddInt32(&failed, 1)
				return
			}
			ok.Add(1)
		}()
	}
	wg.Wait()
	fmt.Println("ok", ok.Load(), "failed", atomic.LoadInt32(&failed))
}
