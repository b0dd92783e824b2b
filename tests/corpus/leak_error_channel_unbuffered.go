// Bug: fan-out returns on the first error it reads, but the other workers
// send their errors on an unbuffered channel nobody reads anymore; they
// leak (a buffer of len(tasks) would fix it).
package main

import (
	"errors"
	"fmt"
	"runtime"
	"time"
)

type Checker struct{ hosts []string }

func (c *Checker) ping(h string) error {
	time.Sleep(10 * time.Millisecond)
	return errors.New(h + " unreachable")
}

func (c *Checker) FirstError() error {
	errc := make(chan error)
	for _, h := range c.hosts {
		go func() { errc <- c.ping(h) }()
	}
	return <-errc
}

func main() {
	c := &Checker{hosts: []string{"a", "b", "c", "d"}}
	err := c.FirstError()
	fmt.Println("got an error:", err != nil)
	time.Sleep(50 * time.Millisecond)
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
