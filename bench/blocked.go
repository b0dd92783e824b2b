// Memory per blocked goroutine: N goroutines all parked on one channel at
// the same time, then released by a close.
package main

import (
	"fmt"
	"sync"
)

const N = 1000

func main() {
	gate := make(chan struct{})
	var started, finished sync.WaitGroup
	started.Add(N)
	finished.Add(N)
	for i := 0; i < N; i++ {
		go func() {
			started.Done()
			<-gate
			finished.Done()
		}()
	}
	started.Wait()
	close(gate)
	finished.Wait()
	fmt.Println("released", N)
}
