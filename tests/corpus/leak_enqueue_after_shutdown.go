// Bug: after the queue's consumer has shut down, request goroutines still
// enqueue into the (now full) buffered channel and block forever. Go
// reports nothing because main goes on; NumGoroutine shows the leak.
package main

import (
	"fmt"
	"runtime"
	"time"
)

type Queue struct {
	items chan int
	quit  chan struct{}
}

func (q *Queue) consume() {
	for {
		select {
		case <-q.items:
		case <-q.quit:
			return
		}
	}
}

func (q *Queue) Enqueue(v int) { q.items <- v } // no select on q.quit

func main() {
	q := &Queue{items: make(chan int, 2), quit: make(chan struct{})}
	go q.consume()
	q.Enqueue(1)
	time.Sleep(50 * time.Millisecond) // consumed
	close(q.quit)
	time.Sleep(50 * time.Millisecond)
	for i := 0; i < 5; i++ {
		go q.Enqueue(i)
	}
	time.Sleep(50 * time.Millisecond)
	fmt.Println("queued:", len(q.items), "goroutines:", runtime.NumGoroutine())
}
