// Bug: a timeout abandons an unbuffered result channel. query starts a
// lookup goroutine and waits for its answer or a 10ms timeout; the lookup
// takes 30ms, the caller gives up, and the lookup then blocks forever on
// its send because nobody will ever receive.
// Shows in: the default schedule: main returns while the lookup goroutine is
// blocked on "chan send" (Go exits silently).
package main

import (
	"errors"
	"fmt"
	"time"
)

func lookup(key string, out chan<- string) {
	time.Sleep(30 * time.Millisecond)
	out <- "value-of-" + key // blocks forever after the timeout
}

func query(key string) (string, error) {
	out := make(chan string) // bug: should have capacity 1
	go lookup(key, out)
	select {
	case v := <-out:
		return v, nil
	case <-time.After(10 * time.Millisecond):
		return "", errors.New("timeout")
	}
}

func main() {
	_, err := query("k1")
	fmt.Println("query:", err)
	time.Sleep(50 * time.Millisecond) // the lookup is stuck by now
	fmt.Println("done")
}
