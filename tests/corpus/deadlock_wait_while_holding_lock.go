// Bug (Kubernetes-style): the controller waits for its workers while holding
// the mutex that each worker needs to record its result.
package main

import (
	"fmt"
	"sync"
)

type Controller struct {
	mu      sync.Mutex
	wg      sync.WaitGroup
	results map[string]bool
}

func (c *Controller) reconcile(name string) {
	defer c.wg.Done()
	c.mu.Lock()
	defer c.mu.Unlock()
	c.results[name] = true
}

func (c *Controller) SyncAll(names []string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.results = map[string]bool{}
	for _, n := range names {
		c.wg.Add(1)
		go c.reconcile(n)
	}
	c.wg.Wait() // workers block on c.mu, which we hold
	return len(c.results)
}

func main() {
	c := &Controller{}
	fmt.Println("syncing")
	fmt.Println("synced", c.SyncAll([]string{"deploy/a", "deploy/b"}))
}
