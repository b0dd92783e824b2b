// Bug: a stop flag that is a plain bool. The poller checks `stopping` every
// millisecond and main sets it without any synchronisation (no atomic, no
// lock, no channel), so the write and the reads race.
// Shows in: every schedule as a data race on `stopping`.
package main

import (
	"fmt"
	"time"
)

type Poller struct {
	stopping bool
	polls    int
	done     chan bool
}

func (p *Poller) run() {
	for !p.stopping {
		p.polls++
		time.Sleep(time.Millisecond)
	}
	p.done <- true
}

func main() {
	p := &Poller{done: make(chan bool)}
	go p.run()
	time.Sleep(5 * time.Millisecond)
	p.stopping = true // bug: unsynchronised write
	<-p.done
	fmt.Println("polled:", p.polls > 0)
}
