// Goroutines that block and wake a lot without ever deadlocking: many
// sleepers with different durations, a ticker-driven collector, and workers
// parked on a channel while main computes for a while before feeding them.
package main

import (
	"fmt"
	"sync"
	"time"
)

func busy(n int) int {
	h := 1
	for i := 0; i < n; i++ {
		h = (h*1103515245 + 12345) & 0x7fffffff
	}
	return h
}

func main() {
	var wg sync.WaitGroup
	out := make(chan int)
	for g := 0; g < 40; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 5; k++ {
				time.Sleep(time.Duration(100+(g*7+k)%13) * time.Microsecond)
				out <- g*10 + k
			}
		}()
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	n, sum := 0, 0
	for v := range out {
		n++
		sum += v
	}
	fmt.Println("sleepers", n, sum)

	work := make(chan int)
	res := make(chan int)
	for w := 0; w < 8; w++ {
		go func() {
			for v := range work {
				res <- busy(v % 50)
			}
		}()
	}
	// Workers stay parked while main computes.
	h := busy(200000)
	go func() {
		for i := 0; i < 400; i++ {
			work <- i
		}
		close(work)
	}()
	acc := 0
	for i := 0; i < 400; i++ {
		acc += <-res
	}
	fmt.Println("main computed", h, "workers", acc)

	t := time.NewTicker(time.Millisecond)
	ticks := 0
	for range t.C {
		ticks++
		if ticks == 20 {
			t.Stop()
			break
		}
	}
	timer := time.NewTimer(time.Hour)
	fmt.Println("ticks", ticks, "stopped early", timer.Stop())
}
