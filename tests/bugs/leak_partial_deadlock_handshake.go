// Bug: a partial deadlock Go does not report. Two peers each wait to receive
// the other's hello before sending their own, so both block forever; main
// is not involved, sleeps, and returns normally.
// Shows in: the default schedule: main returns while both peers are blocked
// on "chan receive" on channels only they can reach.
package main

import (
	"fmt"
	"time"
)

type Peer struct {
	name  string
	inbox chan string
	other *Peer
}

func (p *Peer) run() {
	msg := <-p.inbox // both wait first
	p.other.inbox <- "hello from " + p.name
	fmt.Println(p.name, "got", msg)
}

func main() {
	a := &Peer{name: "a", inbox: make(chan string)}
	b := &Peer{name: "b", inbox: make(chan string)}
	a.other, b.other = b, a
	go a.run()
	go b.run()
	time.Sleep(20 * time.Millisecond)
	fmt.Println("main done")
}
