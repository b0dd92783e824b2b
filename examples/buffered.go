// Buffered channels: a queue with a fixed capacity.
//
// make(chan T, n) gives the channel a buffer of n slots. A send only blocks
// when the buffer is full and a receive only blocks when it is empty, so a
// sender can run ahead of its receiver by up to n values. The first part
// fills a buffer with no other goroutine at all (an unbuffered channel
// would deadlock here). The second part lets a fast producer run ahead of
// main until the buffer is full, then main drains it.
//
// What to watch: the buffer occupancy of `queue` climbing to 3/3. While it
// is full the producer's lane is blocked with "chan send". A receive from a
// full buffer with a sender waiting takes the oldest value and moves the
// waiting sender's value into the freed slot in the same step (this is what
// Go's runtime does), so "still buffered" stays at 3 until the producer has
// nothing left to send; only then does the buffer drain.
package main

import (
	"fmt"
	"time"
)

func produce(out chan<- int) {
	for i := 1; i <= 6; i++ {
		out <- i
	}
	close(out)
}

func main() {
	words := make(chan string, 2)
	words <- "buffered"
	words <- "values"
	fmt.Println("len", len(words), "cap", cap(words))
	fmt.Println(<-words, <-words)

	queue := make(chan int, 3)
	go produce(queue)
	time.Sleep(50 * time.Millisecond) // the producer fills the buffer, then blocks
	fmt.Println("after 50ms: len", len(queue), "cap", cap(queue))
	for v := range queue {
		fmt.Println("received", v, "- still buffered:", len(queue))
		time.Sleep(10 * time.Millisecond)
	}
}
