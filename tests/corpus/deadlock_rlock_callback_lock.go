// Bug: a cache iterates its entries under the read lock and calls a
// visitor; the visitor evicts an entry, which needs the write lock. Lock
// waits for the read lock held by the same goroutine.
package main

import (
	"fmt"
	"sort"
	"sync"
)

type Cache struct {
	mu      sync.RWMutex
	entries map[string]int
}

func (c *Cache) Evict(k string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.entries, k)
}

func (c *Cache) Each(visit func(k string, v int)) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	keys := make([]string, 0, len(c.entries))
	for k := range c.entries {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		visit(k, c.entries[k])
	}
}

func main() {
	c := &Cache{entries: map[string]int{"a": 1, "b": 0, "c": 3}}
	c.Each(func(k string, v int) {
		fmt.Println("visit", k, v)
		if v == 0 {
			c.Evict(k) // needs the write lock
		}
	})
	fmt.Println("unreachable")
}
