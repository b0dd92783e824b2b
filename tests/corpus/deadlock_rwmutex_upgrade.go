// Bug: "upgrading" a read lock to a write lock. Lock waits for all readers,
// including the caller's own RLock.
package main

import (
	"fmt"
	"sync"
)

type Config struct {
	mu     sync.RWMutex
	values map[string]string
}

func (c *Config) GetOrDefault(k, def string) string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if v, ok := c.values[k]; ok {
		return v
	}
	c.mu.Lock() // deadlock: we still hold the read lock
	c.values[k] = def
	c.mu.Unlock()
	return def
}

func main() {
	c := &Config{values: map[string]string{"mode": "fast"}}
	fmt.Println(c.GetOrDefault("mode", "slow"))
	fmt.Println(c.GetOrDefault("level", "3"))
}
