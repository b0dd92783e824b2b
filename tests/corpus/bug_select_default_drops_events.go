// Bug (Kubernetes-style): a non-blocking send with `default` drops events
// whenever the consumer is busy. Only the events sent while the consumer
// was waiting arrive.
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
	got := make(chan []string)
	go func() {
		var seen []string
		for ev := range b.ch {
			seen = append(seen, ev)
			time.Sleep(50 * time.Millisecond) // slow handler
		}
		got <- seen
	}()
	time.Sleep(10 * time.Millisecond)
	for i := 0; i < 4; i++ {
		b.Emit(fmt.Sprint("ev", i))
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(100 * time.Millisecond)
	close(b.ch)
	fmt.Println(<-got, "dropped", b.dropped)
}
