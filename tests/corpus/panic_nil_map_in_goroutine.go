// Bug: a zero-value struct is used without its constructor; the first
// write to its map, in a worker goroutine, panics and kills the process.
package main

import (
	"fmt"
	"sync"
	"time"
)

type Metrics struct {
	mu       sync.Mutex
	counters map[string]int
}

func NewMetrics() *Metrics { return &Metrics{counters: map[string]int{}} }

func (m *Metrics) Inc(name string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.counters[name]++
}

func main() {
	good := NewMetrics()
	good.Inc("requests")
	fmt.Println("good:", good.counters["requests"])
	var bad Metrics // constructor skipped
	go bad.Inc("requests")
	time.Sleep(50 * time.Millisecond)
	fmt.Println("unreachable")
}
