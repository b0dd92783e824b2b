// Correct: a bounded queue on sync.Cond. Waiters re-check their condition in
// a for loop under the lock, state changes happen under the lock, and Close
// broadcasts so that no waiter sleeps forever.
package main

import (
	"fmt"
	"sync"
)

type Queue struct {
	mu       sync.Mutex
	notEmpty *sync.Cond
	notFull  *sync.Cond
	items    []int
	max      int
	closed   bool
}

func NewQueue(max int) *Queue {
	q := &Queue{max: max}
	q.notEmpty = sync.NewCond(&q.mu)
	q.notFull = sync.NewCond(&q.mu)
	return q
}

func (q *Queue) Put(v int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == q.max {
		q.notFull.Wait()
	}
	q.items = append(q.items, v)
	q.notEmpty.Signal()
}

func (q *Queue) Get() (int, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 && !q.closed {
		q.notEmpty.Wait()
	}
	if len(q.items) == 0 {
		return 0, false
	}
	v := q.items[0]
	q.items = q.items[1:]
	q.notFull.Signal()
	return v, true
}

func (q *Queue) Close() {
	q.mu.Lock()
	q.closed = true
	q.mu.Unlock()
	q.notEmpty.Broadcast()
}

func main() {
	q := NewQueue(2)
	var consumers sync.WaitGroup
	sums := make([]int, 2)
	for c := 0; c < 2; c++ {
		consumers.Add(1)
		go func() {
			defer consumers.Done()
			for {
				v, ok := q.Get()
				if !ok {
					return
				}
				sums[c] += v
			}
		}()
	}
	for i := 1; i <= 10; i++ {
		q.Put(i)
	}
	q.Close()
	consumers.Wait()
	fmt.Println("total", sums[0]+sums[1])
}
