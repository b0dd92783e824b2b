// Correct: publication through an atomic flag. The loader writes the plain
// fields and then stores the flag; the reader loads the flag and only then
// reads the fields. In Go's memory model atomics synchronise, so the plain
// accesses are ordered.
package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

type Snapshot struct {
	version int
	keys    []string
}

func main() {
	var snap Snapshot
	var ready atomic.Bool
	go func() {
		snap.version = 7
		snap.keys = []string{"x", "y"}
		ready.Store(true)
	}()
	for !ready.Load() {
		time.Sleep(time.Millisecond)
	}
	fmt.Println("version", snap.version, "keys", len(snap.keys))
}
