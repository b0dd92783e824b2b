// Bug: a three-lock cycle that deadlocks only with two well-placed
// preemptions. Three replicators copy between three stores, each locking
// source then destination: (A,B), (B,C), (C,A). Nothing sleeps; the default
// schedule lets each finish its pair before the next grabs its first lock,
// but if all three hold their first lock at once, each waits for the next.
// Shows in: every schedule as a lock-order cycle A -> B -> C -> A; the
// deadlock needs all three first Locks before any second Lock (rare, depth 3).
package main

import (
	"fmt"
	"sync"
)

type Store struct {
	mu   sync.Mutex
	name string
	rows int
}

func replicate(src, dst *Store, wg *sync.WaitGroup) {
	defer wg.Done()
	src.mu.Lock()
	n := src.rows
	dst.mu.Lock()
	dst.rows += n
	dst.mu.Unlock()
	src.mu.Unlock()
}

func main() {
	a := &Store{name: "A", rows: 1}
	b := &Store{name: "B", rows: 2}
	c := &Store{name: "C", rows: 3}
	var wg sync.WaitGroup
	wg.Add(3)
	go replicate(a, b, &wg)
	go replicate(b, c, &wg)
	go replicate(c, a, &wg)
	wg.Wait()
	fmt.Println("rows", a.rows+b.rows+c.rows > 6)
}
