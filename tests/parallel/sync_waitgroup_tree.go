// A WaitGroup shared by a tree of goroutines: each node Adds its children
// before spawning them (nested spawns), leaves report through a channel.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

var nodes atomic.Int64

func spawn(wg *sync.WaitGroup, depth, id int, leaves chan<- int) {
	defer wg.Done()
	nodes.Add(1)
	if depth == 0 {
		leaves <- id
		return
	}
	wg.Add(3)
	for k := 0; k < 3; k++ {
		go spawn(wg, depth-1, id*3+k, leaves)
	}
}

func main() {
	leaves := make(chan int, 16)
	var wg sync.WaitGroup
	for round := 0; round < 3; round++ {
		wg.Add(1)
		go spawn(&wg, 6, 1, leaves)
		done := make(chan struct{})
		go func() {
			wg.Wait()
			close(done)
		}()
		n, sum := 0, 0
	loop:
		for {
			select {
			case id := <-leaves:
				n++
				sum += id
			case <-done:
				break loop
			}
		}
		// Leaves sent before Done, so anything still buffered is theirs.
		for len(leaves) > 0 {
			sum += <-leaves
			n++
		}
		fmt.Println("round", round, "leaves", n, "sum", sum, "nodes", nodes.Load())
	}
}
