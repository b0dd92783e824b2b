// Bug: a snapshot copies the whole struct, mutex included, while the mutex
// is held. The copy's mutex is locked forever, so the first method call on
// the snapshot blocks.
package main

import (
	"fmt"
	"sync"
)

type Registry struct {
	mu       sync.Mutex
	services []string
}

func (r *Registry) Add(s string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.services = append(r.services, s)
}

func (r *Registry) Len() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.services)
}

func (r *Registry) Snapshot() *Registry {
	r.mu.Lock()
	defer r.mu.Unlock()
	snap := *r // copies the locked mutex
	return &snap
}

func main() {
	r := &Registry{}
	r.Add("auth")
	r.Add("billing")
	snap := r.Snapshot()
	fmt.Println("live:", r.Len())
	fmt.Println("snapshot:", snap.Len())
}
