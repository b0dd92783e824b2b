// Bug: a pointer published without synchronisation. The loader builds a
// *Snapshot and stores it in a shared field; the reader polls the field
// (with sleeps) and reads the snapshot's fields once it sees non-nil. Nothing
// orders the loader's writes before the reader's reads.
// Shows in: every schedule as a data race on `current` (and the fields).
package main

import (
	"fmt"
	"time"
)

type Snapshot struct {
	version int
	keys    []string
}

type Holder struct {
	current *Snapshot
}

func main() {
	h := &Holder{}
	go func() {
		time.Sleep(2 * time.Millisecond)
		h.current = &Snapshot{version: 7, keys: []string{"x", "y"}} // unsynchronised
	}()
	for h.current == nil {
		time.Sleep(time.Millisecond)
	}
	fmt.Println("version", h.current.version, "keys", len(h.current.keys))
}
