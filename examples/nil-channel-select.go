// Nil channels in select: switching a case off when its stream ends.
//
// merge forwards two streams into one. When one input is closed, its case
// would be ready forever (a closed channel always receives at once), and
// select would spin on it. Setting that variable to nil fixes it: a receive
// from a nil channel is never ready, so select simply stops choosing that
// case. The loop ends when both inputs are nil.
//
// The producers sleep for different periods (a every 10ms, b every 25ms),
// so the interleaving below is fixed by the virtual clock, not the
// scheduler.
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
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil // closed: never select this case again
				out <- "(a closed, case disabled)"
				continue
			}
			out <- v
		case v, ok := <-b:
			if !ok {
				b = nil
				out <- "(b closed, case disabled)"
				continue
			}
			out <- v
		}
	}
	close(out)
}

func main() {
	out := make(chan string)
	go merge(produce("a", 3, 10*time.Millisecond), produce("b", 2, 25*time.Millisecond), out)
	for v := range out {
		fmt.Println(v)
	}
}
