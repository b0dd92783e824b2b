// Signals with chan struct{}: done notifications and close as a broadcast.
//
// A `chan struct{}` carries no data (struct{} takes zero bytes): the event
// itself is the message. A send signals exactly one waiter, while close
// wakes every waiter at once, now and in the future, so it works as a
// broadcast. Three workers park on the same `start` channel; one close
// releases all of them. Each then reports back with its own send on
// `done`, and main counts three signals before reading the results.
//
// What to watch: three lanes blocked with "chan receive" on `start` while
// main sleeps. The close is a single event that makes all three runnable
// together (look at the run queues filling up). Afterwards, three separate
// arrows go to main on `done`, one per worker, in whatever order the
// workers finish.
package main

import (
	"fmt"
	"time"
)

func worker(id int, start <-chan struct{}, done chan<- struct{}, out []string) {
	<-start // parks until start is closed
	out[id] = fmt.Sprintf("worker %d ran after the start signal", id)
	done <- struct{}{}
}

func main() {
	const n = 3
	start := make(chan struct{})
	done := make(chan struct{})
	out := make([]string, n)

	for id := range n {
		go worker(id, start, done, out)
	}
	time.Sleep(10 * time.Millisecond) // let every worker reach <-start
	fmt.Println("closing start: one close wakes", n, "workers")
	close(start)

	for range n {
		<-done // each receive is one "I'm finished" signal
	}
	for _, line := range out {
		fmt.Println(line)
	}
}
