// Correct: a heartbeat goroutine on a ticker that stops when told. The ticker
// is stopped with defer and main waits for the goroutine to exit.
package main

import (
	"fmt"
	"time"
)

func heartbeat(done <-chan struct{}, exited chan<- int) {
	t := time.NewTicker(10 * time.Millisecond)
	defer t.Stop()
	beats := 0
	for {
		select {
		case <-t.C:
			beats++
		case <-done:
			exited <- beats
			return
		}
	}
}

func main() {
	done := make(chan struct{})
	exited := make(chan int)
	go heartbeat(done, exited)
	time.Sleep(35 * time.Millisecond)
	close(done)
	fmt.Println("beats >= 3:", <-exited >= 3)
}
