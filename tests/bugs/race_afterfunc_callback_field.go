// Bug: a timer callback writes a field that main reads without
// synchronisation. time.AfterFunc runs the callback in its own goroutine; the
// sleep in main makes the order look right but creates no happens-before
// edge.
// Shows in: every schedule as a data race on Request.timedOut.
package main

import (
	"fmt"
	"time"
)

type Request struct {
	path     string
	timedOut bool
}

func main() {
	r := &Request{path: "/slow"}
	t := time.AfterFunc(5*time.Millisecond, func() {
		r.timedOut = true // callback goroutine
	})
	time.Sleep(10 * time.Millisecond)
	t.Stop()
	fmt.Println(r.path, "timed out:", r.timedOut) // main goroutine
}
