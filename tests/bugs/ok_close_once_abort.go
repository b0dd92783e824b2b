// Correct: the double-close fix. Any number of workers may abort; sync.Once
// makes sure the abort channel is closed exactly once.
package main

import (
	"fmt"
	"sync"
)

type Aborter struct {
	once sync.Once
	ch   chan struct{}
}

func (a *Aborter) Abort() {
	a.once.Do(func() { close(a.ch) })
}

func main() {
	a := &Aborter{ch: make(chan struct{})}
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a.Abort()
		}()
	}
	wg.Wait()
	<-a.ch
	fmt.Println("aborted once")
}
