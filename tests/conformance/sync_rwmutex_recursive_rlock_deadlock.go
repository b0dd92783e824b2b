package main

import (
	"fmt"
	"sync"
	"time"
)

type Cache struct {
	mu   sync.RWMutex
	data map[string]string
}

func (c *Cache) Get(k string) string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	time.Sleep(10 * time.Millisecond) // a writer arrives meanwhile
	return c.lookup(k)
}

// lookup takes the read lock again: fine alone, a deadlock once a writer waits.
func (c *Cache) lookup(k string) string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.data[k]
}

func (c *Cache) Set(k, v string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.data[k] = v
}

func main() {
	c := &Cache{data: map[string]string{"a": "1"}}
	go func() {
		time.Sleep(time.Millisecond)
		c.Set("b", "2")
	}()
	fmt.Println("get:", c.Get("a"))
}
