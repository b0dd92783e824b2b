// Goroutine churn: waves of short-lived goroutines spawned from many
// goroutines at once (each P creates and frees Gs), with WaitGroup.Go and
// runtime.NumGoroutine at the end (once every goroutine has exited).
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

func main() {
	var ran atomic.Int64
	for wave := 0; wave < 5; wave++ {
		var wg sync.WaitGroup
		for s := 0; s < 8; s++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var inner sync.WaitGroup
				for k := 0; k < 250; k++ {
					inner.Go(func() {
						ran.Add(int64(k%7 + 1))
					})
				}
				inner.Wait()
			}()
		}
		wg.Wait()
		// NumGoroutine is not printed here: a goroutine that has run its
		// deferred Done may not have exited yet, in Go too.
		fmt.Println("wave", wave, "ran", ran.Load())
	}
	// Spawning from inside spawned goroutines, two levels deep, results
	// through a channel.
	res := make(chan int, 64)
	for a := 0; a < 20; a++ {
		go func() {
			for b := 0; b < 20; b++ {
				go func() {
					res <- a*20 + b
				}()
			}
		}()
	}
	sum := 0
	for i := 0; i < 400; i++ {
		sum += <-res
	}
	fmt.Println("nested sum", sum)
	// The spawners exit right after their last go statement; wait until
	// only main is left (Gosched so they get to run with GOMAXPROCS=1).
	for runtime.NumGoroutine() > 1 {
		runtime.Gosched()
	}
	fmt.Println("goroutines", runtime.NumGoroutine())
}
