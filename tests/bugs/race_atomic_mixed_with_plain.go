// Bug: atomic writes mixed with a plain read. The workers update `processed`
// with atomic.AddInt64, but the progress reporter reads it as an ordinary
// variable; a plain access racing with an atomic one is still a race.
// Shows in: every schedule as a data race on `processed`.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	var processed int64
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 5; i++ {
				atomic.AddInt64(&processed, 1)
				time.Sleep(time.Millisecond)
			}
		}()
	}
	time.Sleep(2 * time.Millisecond)
	fmt.Println("progress at most 15:", processed <= 15) // bug: plain read
	wg.Wait()
	fmt.Println("processed", atomic.LoadInt64(&processed))
}
