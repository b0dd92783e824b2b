// Bug: lock upgrade through a helper. Cache.Get holds the read lock and, on a
// miss, calls c.fill, which takes the write lock on the same RWMutex. Lock
// waits for all readers to leave, including the caller itself.
// Shows in: every schedule (the first Get misses), the default one included.
package main

import (
	"fmt"
	"strings"
	"sync"
)

type Cache struct {
	mu    sync.RWMutex
	items map[string]string
}

func (c *Cache) fill(key string) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	v := strings.ToUpper(key)
	c.items[key] = v
	return v
}

func (c *Cache) Get(key string) string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if v, ok := c.items[key]; ok {
		return v
	}
	return c.fill(key) // upgrade while holding RLock
}

func main() {
	c := &Cache{items: map[string]string{}}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		fmt.Println(c.Get("user"))
	}()
	wg.Wait()
}
