// Bug: sync.Cond signalled before anyone waits, and the waiter does not check
// a condition. The loader finishes and calls Signal while no goroutine is
// waiting, so the wake-up is lost; the waiter then calls Wait and sleeps
// forever.
// Shows in: the default schedule (the waiter's sleep makes it arrive after
// the signal).
package main

import (
	"fmt"
	"sync"
	"time"
)

type Loader struct {
	mu   sync.Mutex
	cond *sync.Cond
	data []string
}

func (l *Loader) load() {
	l.mu.Lock()
	l.data = []string{"a", "b"}
	l.mu.Unlock()
	l.cond.Signal() // nobody waits yet
}

func (l *Loader) waitLoaded() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.cond.Wait() // bug: no "for len(l.data) == 0" loop
	return l.data
}

func main() {
	l := &Loader{}
	l.cond = sync.NewCond(&l.mu)
	go l.load()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("loaded", l.waitLoaded())
}
