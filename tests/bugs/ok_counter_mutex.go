// Correct: a counter shared by goroutines, guarded by a mutex. wg.Wait orders
// every increment before main's read.
package main

import (
	"fmt"
	"sync"
)

type Hits struct {
	mu sync.Mutex
	n  map[string]int
}

func (h *Hits) Inc(page string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.n[page]++
}

func main() {
	h := &Hits{n: map[string]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 25; j++ {
				h.Inc("/")
			}
		}()
	}
	wg.Wait()
	fmt.Println("hits:", h.n["/"])
}
