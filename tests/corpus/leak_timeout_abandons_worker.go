// Bug: the caller gives up after a timeout, but the worker sends its result
// on an unbuffered channel nobody will ever read: the worker goroutine
// leaks (it would be fixed by make(chan result, 1)). Go does not report it;
// runtime.NumGoroutine shows it.
package main

import (
	"fmt"
	"runtime"
	"time"
)

type result struct {
	val string
	err error
}

type Resolver struct{ latency time.Duration }

func (r *Resolver) lookup(host string) result {
	time.Sleep(r.latency)
	return result{val: host + " -> 10.1.2.3"}
}

func (r *Resolver) LookupWithTimeout(host string, timeout time.Duration) (string, error) {
	ch := make(chan result)
	go func() { ch <- r.lookup(host) }()
	select {
	case res := <-ch:
		return res.val, res.err
	case <-time.After(timeout):
		return "", fmt.Errorf("lookup %s: timeout after %v", host, timeout)
	}
}

func main() {
	fast := &Resolver{latency: 50 * time.Millisecond}
	slow := &Resolver{latency: 1000 * time.Millisecond}
	fmt.Println(fast.LookupWithTimeout("api", 500*time.Millisecond))
	fmt.Println(slow.LookupWithTimeout("db", 500*time.Millisecond))
	time.Sleep(1500 * time.Millisecond)
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
