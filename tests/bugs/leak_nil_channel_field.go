// Bug: a goroutine receives from a channel field that was never made. The
// Watcher is built without initialising events, so the watch loop blocks
// forever on a nil channel; main sends on its own (different) channel and
// moves on.
// Shows in: the default schedule: main returns while the watcher is blocked
// on "chan receive (nil chan)".
package main

import (
	"fmt"
	"time"
)

type Watcher struct {
	events chan string
	seen   int
}

func (w *Watcher) loop() {
	for ev := range w.events { // nil channel: blocks forever
		w.seen++
		fmt.Println("event", ev)
	}
}

func NewWatcher() *Watcher {
	return &Watcher{} // bug: events not made
}

func main() {
	w := NewWatcher()
	go w.loop()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("watcher started")
}
