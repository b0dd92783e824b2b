// Gotcha: send on a closed channel.
//
// Two producers share one channel, and one of them closes it when *it* is
// done, while the other is still producing. The next send by the slower
// producer panics, and a panic in any goroutine ends the whole program. The
// rule: close a channel only from the side that sends on it, and with
// several senders, close only after all of them are finished (fan-in.go
// does this with a WaitGroup).
//
// Expected: prints a1, b1, a2, then exits with status 2 and
// `panic: send on closed channel` followed by the trace of goroutine b.
//
// What to watch: producer a's close event on `ch` at 20ms, main's range
// loop still running (a closed channel keeps delivering what is buffered),
// then producer b's lane waking from "sleep" at 30ms and ending the
// program with the panic, reported on b's lane.
package main

import (
	"fmt"
	"time"
)

func producer(name string, n int, every time.Duration, ch chan<- string, closeWhenDone bool) {
	for i := 1; i <= n; i++ {
		time.Sleep(every)
		ch <- fmt.Sprint(name, i)
	}
	if closeWhenDone {
		close(ch) // BUG: b is still sending
	}
}

func main() {
	ch := make(chan string, 4)
	go producer("a", 2, 10*time.Millisecond, ch, true)
	go producer("b", 2, 15*time.Millisecond, ch, false)
	for v := range ch {
		fmt.Println(v)
	}
	time.Sleep(100 * time.Millisecond) // b panics while main waits here
	fmt.Println("never printed")
}
