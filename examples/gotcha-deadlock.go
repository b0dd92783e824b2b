// Gotcha: an unbuffered send with no receiver.
//
// An unbuffered send waits until another goroutine receives. Here main
// sends and only then would receive, but it cannot get to the receive: it
// is the one stuck in the send, and no other goroutine exists to take the
// value. Go detects that every goroutine is blocked and stops the program.
// Fixes: receive in another goroutine, or give the channel a buffer
// (make(chan int, 1)) so the send can complete on its own.
//
// Expected: prints "sending...", then exits with status 2 and
// `fatal error: all goroutines are asleep - deadlock!`, with goroutine 1
// listed as [chan send].
//
// What to watch: main's lane goes blocked with "chan send", the channel's
// buffer is 0/0 so the value has nowhere to go, and no other lane exists
// that could ever receive: the deadlock report follows immediately.
package main

import "fmt"

func main() {
	ch := make(chan int)
	fmt.Println("sending...")
	ch <- 42 // blocks forever: nobody is receiving yet
	fmt.Println("received", <-ch)
}
