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
			time.Sleep(20 * time.Millisecond)
			events <- i
		}
	}()
	start := time.Now()
	got := 0
	for {
		select {
		case <-events:
			got++
		case <-time.After(300 * time.Millisecond): // meant: 300ms in total
			fmt.Println("deadline hit after", got, "events")
			fmt.Println("took more than 300ms:", time.Since(start) > 300*time.Millisecond)
			return
		}
	}
}
