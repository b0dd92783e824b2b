// Correct pattern (client-go workqueue style): a queue that coalesces
// duplicate keys, with sync.Cond and a ShutDown that wakes all workers.
package main

import (
	"fmt"
	"sort"
	"sync"
)

type WorkQueue struct {
	mu       sync.Mutex
	cond     *sync.Cond
	queue    []string
	dirty    map[string]bool
	shutdown bool
}

func NewWorkQueue() *WorkQueue {
	q := &WorkQueue{dirty: map[string]bool{}}
	q.cond = sync.NewCond(&q.mu)
	return q
}

func (q *WorkQueue) Add(key string) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.shutdown || q.dirty[key] {
		return
	}
	q.dirty[key] = true
	q.queue = append(q.queue, key)
	q.cond.Signal()
}

func (q *WorkQueue) Get() (string, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.queue) == 0 && !q.shutdown {
		q.cond.Wait()
	}
	if len(q.queue) == 0 {
		return "", false
	}
	k := q.queue[0]
	q.queue = q.queue[1:]
	delete(q.dirty, k)
	return k, true
}

func (q *WorkQueue) ShutDown() {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.shutdown = true
	q.cond.Broadcast()
}

func main() {
	q := NewWorkQueue()
	for _, k := range []string{"ns/a", "ns/b", "ns/a", "ns/c", "ns/b"} {
		q.Add(k)
	}
	var mu sync.Mutex
	var processed []string
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				k, ok := q.Get()
				if !ok {
					return
				}
				mu.Lock()
				processed = append(processed, k)
				mu.Unlock()
			}
		}()
	}
	q.ShutDown()
	wg.Wait()
	sort.Strings(processed)
	fmt.Println(processed)
}
