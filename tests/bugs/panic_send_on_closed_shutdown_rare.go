// Bug: check-then-send against a concurrent shutdown. Queue.Submit checks
// q.closed under the lock, releases the lock, and then sends; Queue.Shutdown
// sets closed and closes the channel under the lock. If Shutdown runs
// between Submit's check and its send, the send panics. In the default
// schedule the submit finishes first.
// Shows in: rare schedules (Shutdown between the check and the send):
// "panic: send on closed channel".
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
	closed := q.closed
	q.mu.Unlock()
	if closed {
		return false
	}
	q.jobs <- job // the queue may be closed by now
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
		fmt.Println("submitted:", q.Submit("resize"))
	}()
	go func() {
		defer wg.Done()
		q.Shutdown()
	}()
	wg.Wait()
	for j := range q.jobs {
		fmt.Println("drained", j)
	}
}
