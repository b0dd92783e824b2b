// Bug (Docker-style): SetState holds the container's mutex while it sends
// the state-change event on an unbuffered channel; the monitor, the only
// receiver, polls the state (taking the same mutex) before it receives.
// The sender waits for the receiver, the receiver for the mutex.
package main

import (
	"fmt"
	"sync"
	"time"
)

type Container struct {
	mu     sync.Mutex
	state  string
	events chan string
}

func (c *Container) SetState(s string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.state = s
	c.events <- s // blocks while holding c.mu
}

func (c *Container) State() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.state
}

func (c *Container) monitor(done chan<- bool) {
	for {
		time.Sleep(50 * time.Millisecond) // poll interval
		fmt.Println("monitor sees", c.State())
		ev, ok := <-c.events
		if !ok {
			break
		}
		fmt.Println("event", ev)
	}
	done <- true
}

func main() {
	c := &Container{state: "created", events: make(chan string)}
	fmt.Println("state:", c.State())
	done := make(chan bool)
	go c.monitor(done)
	c.SetState("running")
	close(c.events)
	<-done
}
