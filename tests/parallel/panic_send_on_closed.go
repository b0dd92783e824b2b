// After heavy buffered traffic, main closes the channel while a sender is
// blocked on it: the sender panics with "send on closed channel" (exit 2).
// (go run -race flags the close against the blocked send: that wake-up of
// a parked sender by close is the point of the program.)
package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int, 3)
	done := make(chan bool)
	go func() {
		for i := 0; i < 3000; i++ {
			ch <- i
		}
		done <- true
		ch <- -1 // blocks: the buffer is full and nobody receives any more
	}()
	sum := 0
	for i := 0; i < 3000-3; i++ {
		sum += <-ch
	}
	<-done
	fmt.Println("sum", sum, "buffered", len(ch))
	time.Sleep(10 * time.Millisecond)
	close(ch)
	time.Sleep(time.Second)
	fmt.Println("unreachable")
}
