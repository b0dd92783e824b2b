// Correct: sync.Map holding *atomic.Int64 counters. LoadOrStore publishes
// each counter once and every update goes through the atomic.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var counters sync.Map
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			key := []string{"get", "put"}[i%2]
			v, _ := counters.LoadOrStore(key, new(atomic.Int64))
			v.(*atomic.Int64).Add(1)
		}()
	}
	wg.Wait()
	g, _ := counters.Load("get")
	p, _ := counters.Load("put")
	fmt.Println("get", g.(*atomic.Int64).Load(), "put", p.(*atomic.Int64).Load())
}
