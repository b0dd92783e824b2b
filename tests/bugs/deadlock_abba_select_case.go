// Bug: a rare AB-BA deadlock. The balancer locks a then b, always. The
// auditor waits for whichever request arrives first: for a "sync" request it
// also locks a then b, but for a "repair" request it locks b then a. The
// repair sender is usually second, so the default schedule sees only the
// consistent order; when the repair request wins the select and the
// balancer runs between the auditor's two locks, both block and main waits
// forever.
// Shows in: rare schedules only (repair message first + a preemption between
// the two Lock calls); the lock-order inversion exists only on that path.
package main

import (
	"fmt"
	"sync"
)

type Shard struct {
	mu   sync.Mutex
	keys int
}

func balance(a, b *Shard) {
	a.mu.Lock()
	b.mu.Lock()
	a.keys--
	b.keys++
	b.mu.Unlock()
	a.mu.Unlock()
}

func audit(a, b *Shard, syncReq, repairReq <-chan string) {
	select {
	case <-syncReq:
		a.mu.Lock()
		b.mu.Lock()
	case <-repairReq:
		b.mu.Lock()
		a.mu.Lock()
	}
	fmt.Println("audit sees", a.keys+b.keys, "keys")
	a.mu.Unlock()
	b.mu.Unlock()
}

func main() {
	a := &Shard{keys: 10}
	b := &Shard{keys: 10}
	syncReq := make(chan string, 1)
	repairReq := make(chan string, 1)
	var wg sync.WaitGroup
	wg.Add(3)
	go func() {
		defer wg.Done()
		audit(a, b, syncReq, repairReq)
	}()
	go func() {
		defer wg.Done()
		syncReq <- "sync"
	}()
	go func() {
		defer wg.Done()
		repairReq <- "repair"
	}()
	balance(a, b)
	wg.Wait()
	fmt.Println("total", a.keys+b.keys)
}
