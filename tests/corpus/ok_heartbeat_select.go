// Correct pattern (etcd-style): a member sends heartbeats on a ticker until
// it is told to stop; the stop is acknowledged and the ticker stopped.
package main

import (
	"fmt"
	"time"
)

type Member struct {
	name  string
	beats chan string
	stop  chan struct{}
	ack   chan struct{}
}

func (m *Member) run() {
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	defer close(m.ack)
	n := 0
	for {
		select {
		case <-t.C:
			n++
			select {
			case m.beats <- fmt.Sprintf("%s beat %d", m.name, n):
			case <-m.stop:
				return
			}
		case <-m.stop:
			return
		}
	}
}

func main() {
	m := &Member{name: "m1", beats: make(chan string), stop: make(chan struct{}), ack: make(chan struct{})}
	go m.run()
	for i := 0; i < 3; i++ {
		fmt.Println(<-m.beats)
	}
	close(m.stop)
	<-m.ack
	fmt.Println("member stopped")
}
