// Bug (Kubernetes-style): a non-blocking send with `default` drops events
// whenever the consumer is busy. The consumer's handler blocks until main
// releases it, so the two events emitted meanwhile are certainly dropped;
// the sleeps only give the consumer time to get back to its receive.
package main

import (
	"fmt"
	"time"
)

type Broadcaster struct {
	ch      chan string
	dropped int
}

func (b *Broadcaster) Emit(ev string) {
	select {
	case b.ch <- ev:
	default:
		b.dropped++
	}
}

func main() {
	b := &Broadcaster{ch: make(chan string)}
	release := make(chan bool)
	got := make(chan []string)
	go func() {
		var seen []string
		for ev := range b.ch {
			seen = append(seen, ev)
			if ev == "ev0" {
				<-release // slow handler
			}
		}
		got <- seen
	}()
	time.Sleep(200 * time.Millisecond) // consumer waiting
	b.Emit("ev0")
	b.Emit("ev1")
	b.Emit("ev2")
	release <- true
	time.Sleep(200 * time.Millisecond) // consumer waiting again
	b.Emit("ev3")
	close(b.ch)
	fmt.Println(<-got, "dropped", b.dropped)
}
