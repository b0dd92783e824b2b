// Correct pattern: a debouncer built on time.AfterFunc and Timer.Reset;
// bursts of events collapse into one flush after the quiet period.
package main

import (
	"fmt"
	"sync"
	"time"
)

type Debouncer struct {
	mu      sync.Mutex
	timer   *time.Timer
	pending []string
	flushed chan []string
	quiet   time.Duration
}

func NewDebouncer(quiet time.Duration) *Debouncer {
	return &Debouncer{quiet: quiet, flushed: make(chan []string, 4)}
}

func (d *Debouncer) Add(ev string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.pending = append(d.pending, ev)
	if d.timer == nil {
		d.timer = time.AfterFunc(d.quiet, d.flush)
		return
	}
	d.timer.Reset(d.quiet)
}

func (d *Debouncer) flush() {
	d.mu.Lock()
	batch := d.pending
	d.pending = nil
	d.mu.Unlock()
	d.flushed <- batch
}

func main() {
	d := NewDebouncer(500 * time.Millisecond)
	for _, ev := range []string{"a", "b", "c"} {
		d.Add(ev)
		time.Sleep(150 * time.Millisecond)
	}
	fmt.Println("batch:", <-d.flushed)
	d.Add("d")
	fmt.Println("batch:", <-d.flushed)
	stopped := d.timer.Stop()
	fmt.Println("stop after fire:", stopped)
}
