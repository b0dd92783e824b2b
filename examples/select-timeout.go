// Select with a timeout: give up waiting after a deadline.
//
// fetch simulates a call that takes `delay`. The caller races its result
// against `time.After(timeout)`, a channel that receives a value once the
// timeout has passed; select takes whichever is ready first. The result
// channel has a buffer of 1 so that a late fetch can still deliver and
// exit, instead of blocking forever on a send nobody will receive (a
// goroutine leak).
//
// What to watch: main blocked with wait reason "select" on two channels.
// For the fast call the fetch goroutine's arrow wins at 50ms; for the slow
// call the timer fires on the virtual clock exactly 100ms after the second
// select began. The slow fetch's lane is still in "sleep" when main returns
// at 150ms, and the program ends anyway: nobody waits for goroutines.
package main

import (
	"fmt"
	"time"
)

func fetch(name string, delay time.Duration) <-chan string {
	result := make(chan string, 1) // room for one late answer: no leak
	go func() {
		time.Sleep(delay)
		result <- name + " answered after " + delay.String()
	}()
	return result
}

func callWithTimeout(name string, delay, timeout time.Duration) {
	select {
	case r := <-fetch(name, delay):
		fmt.Println(r)
	case <-time.After(timeout):
		fmt.Println(name, "timed out after", timeout)
	}
}

func main() {
	callWithTimeout("fast", 50*time.Millisecond, 100*time.Millisecond)
	callWithTimeout("slow", 300*time.Millisecond, 100*time.Millisecond)
}
