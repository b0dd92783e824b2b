// Correct: the stop-flag fix. The flag is an atomic.Bool, so main's Store and
// the poller's Loads synchronise; the done channel orders the poll count.
package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

type Poller struct {
	stopping atomic.Bool
	polls    int
	done     chan bool
}

func (p *Poller) run() {
	for !p.stopping.Load() {
		p.polls++
		time.Sleep(time.Millisecond)
	}
	p.done <- true
}

func main() {
	p := &Poller{done: make(chan bool)}
	go p.run()
	time.Sleep(5 * time.Millisecond)
	p.stopping.Store(true)
	<-p.done
	fmt.Println("polled:", p.polls > 0)
}
