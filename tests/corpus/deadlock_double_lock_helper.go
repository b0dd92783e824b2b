// Bug (Kubernetes-style): a method takes the mutex and then calls a helper
// that takes the same mutex again. sync.Mutex is not reentrant, so the
// goroutine blocks on itself: Go reports a deadlock.
package main

import (
	"fmt"
	"sync"
)

type PodCache struct {
	mu   sync.Mutex
	pods map[string]string
}

func NewPodCache() *PodCache {
	return &PodCache{pods: map[string]string{}}
}

// count locks: fine on its own.
func (c *PodCache) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.pods)
}

// Add locks and then calls count, which locks again.
func (c *PodCache) Add(name, node string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.pods[name] = node
	fmt.Println("added", name)
	return c.count()
}

func main() {
	c := NewPodCache()
	fmt.Println("pods:", c.count())
	n := c.Add("web-1", "node-a")
	fmt.Println("pods:", n)
}
