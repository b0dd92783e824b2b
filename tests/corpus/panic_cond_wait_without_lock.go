// Bug: Cond.Wait is called without holding c.L. Wait unlocks L first, so
// Go dies with "sync: unlock of unlocked mutex" (a fatal error).
package main

import (
	"fmt"
	"sync"
	"time"
)

type Gate struct {
	mu   sync.Mutex
	cond *sync.Cond
	open bool
}

func NewGate() *Gate {
	g := &Gate{}
	g.cond = sync.NewCond(&g.mu)
	return g
}

func (g *Gate) Wait() {
	for !g.open {
		g.cond.Wait() // forgot g.mu.Lock()
	}
}

func (g *Gate) Open() {
	g.mu.Lock()
	g.open = true
	g.mu.Unlock()
	g.cond.Broadcast()
}

func main() {
	g := NewGate()
	go func() {
		time.Sleep(10 * time.Millisecond)
		g.Open()
	}()
	fmt.Println("waiting for gate")
	g.Wait()
	fmt.Println("unreachable")
}
