// Bug: an event handler running on the event loop goroutine posts a
// follow-up event to the loop's own unbuffered queue. Nobody else reads the
// queue, so the loop blocks on itself (and main waits for the loop).
package main

import "fmt"

type Loop struct {
	queue chan string
	done  chan struct{}
}

func (l *Loop) handle(ev string) {
	fmt.Println("handling", ev)
	if ev == "connect" {
		l.queue <- "handshake" // sent from the only reader
	}
}

func (l *Loop) Run() {
	defer close(l.done)
	for ev := range l.queue {
		l.handle(ev)
	}
}

func main() {
	l := &Loop{queue: make(chan string), done: make(chan struct{})}
	go l.Run()
	l.queue <- "connect"
	<-l.done
	fmt.Println("loop finished")
}
