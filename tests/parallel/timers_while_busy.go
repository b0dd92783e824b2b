// Timers fire and sleepers wake while CPU-bound goroutines keep every P
// busy: each select times out long before the computation would finish,
// as under Go (preemption lets main back on a P).
package main

import (
	"fmt"
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
	res := make(chan int, 8)
	for g := 0; g < 8; g++ {
		go func() { res <- busy(2000000000 + g) }()
	}
	timeouts := 0
	for i := 0; i < 5; i++ {
		select {
		case <-res:
			fmt.Println("a computation finished first")
		case <-time.After(time.Duration(i+1) * 200 * time.Microsecond):
			timeouts++
		}
	}
	t := time.Now()
	time.Sleep(500 * time.Microsecond)
	fmt.Println("timeouts", timeouts, "slept at least 500µs:", time.Since(t) >= 500*time.Microsecond)
}
