// Bug: recursive read lock with a writer waiting. Catalog.Describe holds a
// read lock and calls Catalog.Price, which read-locks again. Between the
// two RLock calls a writer calls Lock; RWMutex is writer-preferring, so the
// second RLock waits for the writer, and the writer waits for the first
// read lock to be released.
// Shows in: the default schedule (the sleeps put the writer's Lock between
// the two RLocks), so Go reports a deadlock.
package main

import (
	"fmt"
	"sync"
	"time"
)

type Catalog struct {
	mu     sync.RWMutex
	prices map[string]int
}

func (c *Catalog) Price(item string) int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.prices[item]
}

func (c *Catalog) Describe(item string) string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	time.Sleep(10 * time.Millisecond) // the writer arrives meanwhile
	return fmt.Sprintf("%s costs %d", item, c.Price(item))
}

func (c *Catalog) SetPrice(item string, p int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.prices[item] = p
}

func main() {
	c := &Catalog{prices: map[string]int{"tea": 3}}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		fmt.Println(c.Describe("tea"))
	}()
	go func() {
		defer wg.Done()
		time.Sleep(5 * time.Millisecond)
		c.SetPrice("tea", 4)
	}()
	wg.Wait()
}
