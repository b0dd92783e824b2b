// Correct: the mutex-across-send fix. Publish copies what it needs under the
// lock and sends after unlocking, so a subscriber that needs the lock before
// receiving is never blocked by the publisher.
package main

import (
	"fmt"
	"sync"
	"time"
)

type Broker struct {
	mu     sync.Mutex
	seq    int
	subs   int
	events chan string
}

func (b *Broker) Publish(ev string) {
	b.mu.Lock()
	b.seq++
	msg := fmt.Sprintf("%d:%s", b.seq, ev)
	b.mu.Unlock()
	b.events <- msg
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
