// Bug: the overall deadline is written as time.After inside the loop, so
// every received event starts a fresh timer and a steady trickle of events
// keeps the "deadline" from ever firing; only the idle gap at the end
// triggers it.
package main

import (
	"fmt"
	"time"
)

func main() {
	events := make(chan int)
	go func() {
		for i := 1; i <= 8; i++ {
			time.Sleep(30 * time.Millisecond)
			events <- i
		}
	}()
	start := time.Now()
	got := 0
	for {
		select {
		case <-events:
			got++
		case <-time.After(100 * time.Millisecond): // meant: 100ms in total
			fmt.Println("deadline hit after", got, "events")
			fmt.Println("took more than 200ms:", time.Since(start) > 200*time.Millisecond)
			return
		}
	}
}
