// Bug: double lock through a helper method. Registry.Register holds r.mu and
// calls r.Len(), which locks r.mu again; sync.Mutex is not reentrant, so the
// goroutine blocks on itself.
// Shows in: every schedule (the default one included): main waits on the
// registering goroutine, so Go reports "all goroutines are asleep".
package main

import (
	"fmt"
	"sync"
)

type Registry struct {
	mu    sync.Mutex
	names map[string]int
}

func (r *Registry) Len() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.names)
}

func (r *Registry) Register(name string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	id := r.Len() + 1 // re-locks r.mu
	r.names[name] = id
	return id
}

func main() {
	r := &Registry{names: map[string]int{}}
	done := make(chan int)
	go func() {
		done <- r.Register("alpha")
	}()
	fmt.Println("registered with id", <-done)
}
