// Bug: an errgroup-like helper that returns the first error and leaks the
// other tasks. Every task reports on an unbuffered error channel; runAll
// returns after the first report, so the remaining tasks block forever on
// their sends.
// Shows in: the default schedule: main returns with two tasks blocked on
// "chan send".
package main

import (
	"errors"
	"fmt"
	"time"
)

func runAll(tasks []func() error) error {
	errc := make(chan error) // bug: unbuffered, and only one receive
	for _, t := range tasks {
		go func() {
			errc <- t()
		}()
	}
	return <-errc
}

func main() {
	tasks := []func() error{
		func() error { return errors.New("disk full") },
		func() error { time.Sleep(5 * time.Millisecond); return nil },
		func() error { time.Sleep(10 * time.Millisecond); return nil },
	}
	fmt.Println("first result:", runAll(tasks))
	time.Sleep(20 * time.Millisecond)
	fmt.Println("exit")
}
