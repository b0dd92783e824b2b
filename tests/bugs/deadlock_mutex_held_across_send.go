// Bug: a mutex held across a channel send. The broker holds b.mu while it
// hands an event to the subscriber over an unbuffered channel; the
// subscriber, before receiving, asks the broker for its subscriber count,
// which needs b.mu. The broker waits for the receiver, the receiver waits
// for the lock.
// Shows in: the default schedule (the subscriber's sleep makes it call
// Count after the broker locked).
package main

import (
	"fmt"
	"sync"
	"time"
)

type Broker struct {
	mu     sync.Mutex
	subs   int
	events chan string
}

func (b *Broker) Publish(ev string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.events <- ev // blocks while holding b.mu
}

func (b *Broker) Count() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.subs
}

func main() {
	b := &Broker{subs: 1, events: make(chan string)}
	done := make(chan bool)
	go func() {
		time.Sleep(5 * time.Millisecond)
		n := b.Count()
		ev := <-b.events
		fmt.Println("subscriber", n, "got", ev)
		done <- true
	}()
	b.Publish("started")
	<-done
}
