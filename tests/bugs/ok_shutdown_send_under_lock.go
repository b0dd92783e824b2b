// Correct: the send-on-closed fix. Submit checks `closed` and sends in the
// same critical section as Shutdown's close, and the queue has room, so the
// send never blocks while the lock is held and never meets a closed channel.
package main

import (
	"fmt"
	"sync"
)

type Queue struct {
	mu     sync.Mutex
	closed bool
	jobs   chan string
}

func (q *Queue) Submit(job string) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.closed || len(q.jobs) == cap(q.jobs) {
		return false
	}
	q.jobs <- job // room checked above, under the same lock
	return true
}

func (q *Queue) Shutdown() {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.closed = true
	close(q.jobs)
}

func main() {
	q := &Queue{jobs: make(chan string, 4)}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		q.Submit("resize")
	}()
	go func() {
		defer wg.Done()
		q.Shutdown()
	}()
	wg.Wait()
	n := 0
	for range q.jobs {
		n++
	}
	fmt.Println("drained at most one:", n <= 1)
}
