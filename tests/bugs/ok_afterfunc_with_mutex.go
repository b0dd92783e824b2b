// Correct: the AfterFunc-callback fix. The callback and main both touch the
// request's state under its mutex, and main waits for the callback through a
// channel before reading the final value.
package main

import (
	"fmt"
	"sync"
	"time"
)

type Request struct {
	mu       sync.Mutex
	timedOut bool
}

func (r *Request) markTimedOut() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.timedOut = true
}

func (r *Request) TimedOut() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.timedOut
}

func main() {
	r := &Request{}
	fired := make(chan struct{})
	time.AfterFunc(5*time.Millisecond, func() {
		r.markTimedOut()
		close(fired)
	})
	fmt.Println("before:", r.TimedOut())
	<-fired
	fmt.Println("after:", r.TimedOut())
}
