// Correct: a cache behind an RWMutex: readers take the read lock, the writer
// the write lock, and no method calls another while holding the lock.
package main

import (
	"fmt"
	"sync"
)

type Cache struct {
	mu    sync.RWMutex
	items map[string]int
}

func (c *Cache) Get(k string) (int, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.items[k]
	return v, ok
}

func (c *Cache) Set(k string, v int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[k] = v
}

func main() {
	c := &Cache{items: map[string]int{}}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 5; i++ {
			c.Set(fmt.Sprint("k", i), i)
		}
	}()
	for r := 0; r < 3; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 5; i++ {
				c.Get(fmt.Sprint("k", i))
			}
		}()
	}
	wg.Wait()
	v, ok := c.Get("k4")
	fmt.Println(v, ok)
}
