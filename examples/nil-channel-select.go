// Nil channels in select: switching a case off when its stream ends.
//
// merge forwards two streams into one. When one input is closed, its case
// would be ready forever (a closed channel always receives at once), and
// select would spin on it. Setting that variable to nil fixes it: a receive
// from a nil channel is never ready, so select simply stops choosing that
// case. The loop ends when both inputs are nil.
//
// The producers tick at different rates (a every 30ms, b every 75ms), so
// the interleaving is fixed by the clock, not by the scheduler.
//
// What to watch: merge's lane blocked with wait reason "select", woken by
// arrows from a and from b. After a's close, the arrows come only from b,
// and merge's select no longer lists a's channel at all.
package main

import (
	"fmt"
	"time"
)

func produce(name string, n int, every time.Duration) <-chan string {
	out := make(chan string)
	go func() {
		for i := 1; i <= n; i++ {
			time.Sleep(every)
			out <- fmt.Sprint(name, i)
		}
		close(out)
	}()
	return out
}

func merge(a, b <-chan string, out chan<- string) {
	defer close(out)
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil // closed: this case is never ready again
				v = "(a closed, case disabled)"
			}
			out <- v
		case v, ok := <-b:
			if !ok {
				b = nil
				v = "(b closed, case disabled)"
			}
			out <- v
		}
	}
}

func main() {
	out := make(chan string)
	go merge(produce("a", 3, 30*time.Millisecond), produce("b", 2, 75*time.Millisecond), out)
	for v := range out {
		fmt.Println(v)
	}
}
