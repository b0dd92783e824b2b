// Bug: a race only on the contended path. Cache.Touch tries the lock first
// and, when TryLock fails (someone else holds it), counts the contention in
// an unprotected field before blocking in Lock. A single failed TryLock is
// harmless (its write is ordered before main's read by the WaitGroup), but
// when two of the three callers fail, their unlocked writes race (a failed
// TryLock synchronises with nothing). The default schedule never contends.
// Shows in: rare schedules (two Touch calls find the lock held), as a data
// race on Cache.contended.
package main

import (
	"fmt"
	"sync"
)

type Cache struct {
	mu        sync.Mutex
	hits      int
	contended int
}

func (c *Cache) Touch() {
	if !c.mu.TryLock() {
		c.contended++ // bug: outside the lock
		c.mu.Lock()
	}
	c.hits++
	c.mu.Unlock()
}

func main() {
	c := &Cache{}
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Touch()
		}()
	}
	wg.Wait()
	c.mu.Lock()
	fmt.Println("hits", c.hits, "contended <= 2:", c.contended <= 2)
	c.mu.Unlock()
}
