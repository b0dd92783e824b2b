// Bug: a subscriber that registers after the shutdown broadcast waits
// forever. Workers subscribe to the hub and wait for the stop message;
// main broadcasts stop to the subscribers registered so far, without
// waiting for the workers to subscribe. In the default schedule both workers
// have subscribed before main (busy computing first) broadcasts.
// Shows in: rare schedules (a worker subscribes after Shutdown): main
// returns while that worker is blocked on "chan receive".
package main

import (
	"fmt"
	"sync"
	"time"
)

type Hub struct {
	mu   sync.Mutex
	subs []chan string
}

func (h *Hub) Subscribe() <-chan string {
	ch := make(chan string, 1)
	h.mu.Lock()
	h.subs = append(h.subs, ch)
	h.mu.Unlock()
	return ch
}

func (h *Hub) Shutdown() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, ch := range h.subs {
		ch <- "stop"
	}
	return len(h.subs)
}

func main() {
	h := &Hub{}
	for i := 0; i < 2; i++ {
		go func() {
			msg := <-h.Subscribe()
			_ = msg
		}()
	}
	sum := 0
	for i := 0; i < 500; i++ { // prepare the report first
		sum += i
	}
	n := h.Shutdown() // bug: does not wait for the workers to subscribe
	time.Sleep(10 * time.Millisecond)
	fmt.Println("stopped", n == 2, sum)
}
