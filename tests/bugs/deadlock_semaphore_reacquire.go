// Bug: re-entering a channel semaphore. The limiter is a buffered channel of
// capacity 1; process acquires a slot and, for nested items, calls itself,
// which acquires again while the first slot is still held.
// Shows in: every schedule, the default one included.
package main

import (
	"fmt"
	"sync"
)

type Node struct {
	name     string
	children []*Node
}

var sem = make(chan struct{}, 1)

func process(n *Node, out *[]string) {
	sem <- struct{}{}
	defer func() { <-sem }()
	*out = append(*out, n.name)
	for _, c := range n.children {
		process(c, out) // acquires the only slot again
	}
}

func main() {
	tree := &Node{name: "root", children: []*Node{{name: "leaf"}}}
	var wg sync.WaitGroup
	var names []string
	wg.Add(1)
	go func() {
		defer wg.Done()
		process(tree, &names)
	}()
	wg.Wait()
	fmt.Println(names)
}
