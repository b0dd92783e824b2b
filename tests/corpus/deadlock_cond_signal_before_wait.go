// Bug (CockroachDB-style): the notifier signals the condition variable
// before the waiter has started waiting, and the waiter waits without
// checking a predicate. The signal is lost and the waiter sleeps forever.
package main

import (
	"fmt"
	"sync"
	"time"
)

type Replica struct {
	mu      sync.Mutex
	cond    *sync.Cond
	applied int
}

func NewReplica() *Replica {
	r := &Replica{}
	r.cond = sync.NewCond(&r.mu)
	return r
}

func (r *Replica) Apply() {
	r.mu.Lock()
	r.applied++
	r.mu.Unlock()
	r.cond.Signal()
	fmt.Println("applied and signalled")
}

// WaitApplied is missing the `for r.applied == 0` loop.
func (r *Replica) WaitApplied() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.cond.Wait()
	fmt.Println("saw", r.applied)
}

func main() {
	r := NewReplica()
	go r.Apply()
	time.Sleep(50 * time.Millisecond)
	fmt.Println("waiting")
	r.WaitApplied()
}
