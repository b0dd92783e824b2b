// Bug: a lost wakeup with sync.Cond. The waiter loops properly ("for !ready
// { Wait }"), but the notifier sets ready and signals without holding the
// lock. If it does so between the waiter's check and its Wait, the signal
// finds nobody waiting and the waiter sleeps forever. Setting ready without
// the lock is also a data race with the waiter's read.
// Shows in: every schedule as a data race on `ready`; the deadlock needs the
// notifier to run between the waiter's check and its Wait (rare).
package main

import (
	"fmt"
	"sync"
)

type Gate struct {
	mu    sync.Mutex
	cond  *sync.Cond
	ready bool
}

func (g *Gate) Wait() {
	g.mu.Lock()
	for !g.ready {
		g.cond.Wait()
	}
	g.mu.Unlock()
}

func (g *Gate) Open() {
	g.ready = true // bug: no lock
	g.cond.Broadcast()
}

func main() {
	g := &Gate{}
	g.cond = sync.NewCond(&g.mu)
	done := make(chan bool)
	go func() {
		g.Wait()
		done <- true
	}()
	go g.Open()
	<-done
	fmt.Println("gate opened")
}
