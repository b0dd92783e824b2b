package main

import (
	"fmt"
	"sync"
	"time"
)

// A Locker of the program's own: Cond calls its methods.
type countingLocker struct {
	mu    sync.Mutex
	locks int
}

func (l *countingLocker) Lock()   { l.mu.Lock(); l.locks++ }
func (l *countingLocker) Unlock() { l.mu.Unlock() }

func main() {
	l := &countingLocker{}
	c := sync.NewCond(l)
	ready := false
	done := make(chan bool)
	go func() {
		c.L.Lock()
		for !ready {
			c.Wait()
		}
		c.L.Unlock()
		done <- true
	}()
	time.Sleep(10 * time.Millisecond) // the waiter is in Wait
	c.L.Lock()
	ready = true
	c.L.Unlock()
	c.Signal()
	<-done
	fmt.Println("woken; locks:", l.locks)
}
