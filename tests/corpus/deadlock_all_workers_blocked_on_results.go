// Bug (Kubernetes-style): workers send results on an unbuffered channel, but
// the coordinator waits for all workers (wg.Wait) before it starts reading
// results. Workers block on the send, the coordinator on Wait.
package main

import (
	"fmt"
	"sync"
)

type Checker struct {
	targets []string
	results chan string
}

func (c *Checker) check(t string, wg *sync.WaitGroup) {
	defer wg.Done()
	c.results <- t + ": ok"
}

func (c *Checker) Run() []string {
	var wg sync.WaitGroup
	for _, t := range c.targets {
		wg.Add(1)
		go c.check(t, &wg)
	}
	wg.Wait() // should happen in a goroutine that then closes results
	close(c.results)
	var out []string
	for r := range c.results {
		out = append(out, r)
	}
	return out
}

func main() {
	c := &Checker{targets: []string{"api", "db"}, results: make(chan string)}
	fmt.Println("checking", len(c.targets), "targets")
	fmt.Println(c.Run())
}
