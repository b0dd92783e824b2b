// Bug: a parallel search that keeps only the first match. Every replica is
// queried in its own goroutine and answers on an unbuffered channel; the
// caller takes the fastest answer and returns, so the slower replicas block
// forever on their sends.
// Shows in: the default schedule: main returns with two replicas blocked on
// "chan send".
package main

import (
	"fmt"
	"time"
)

type Replica struct {
	name    string
	latency time.Duration
}

func (r Replica) Search(q string) string {
	time.Sleep(r.latency)
	return r.name + ":" + q
}

func first(q string, replicas []Replica) string {
	c := make(chan string)
	for _, r := range replicas {
		go func() { c <- r.Search(q) }()
	}
	return <-c
}

func main() {
	rs := []Replica{{"r1", 3 * time.Millisecond}, {"r2", 1 * time.Millisecond}, {"r3", 2 * time.Millisecond}}
	fmt.Println(first("golang", rs))
	time.Sleep(10 * time.Millisecond)
}
