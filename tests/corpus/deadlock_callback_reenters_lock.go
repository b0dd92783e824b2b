// Bug (Kubernetes informer style): event handlers are called while the
// dispatcher holds its lock, and a handler registers another handler,
// which takes the same lock: the goroutine blocks on itself.
package main

import (
	"fmt"
	"sync"
)

type Dispatcher struct {
	mu       sync.Mutex
	handlers []func(string)
}

func (d *Dispatcher) AddHandler(h func(string)) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.handlers = append(d.handlers, h)
}

func (d *Dispatcher) Dispatch(ev string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, h := range d.handlers {
		h(ev) // called under d.mu
	}
}

func main() {
	d := &Dispatcher{}
	d.AddHandler(func(ev string) {
		fmt.Println("handler 1:", ev)
		if ev == "pod-added" {
			d.AddHandler(func(ev string) { fmt.Println("handler 2:", ev) })
		}
	})
	d.Dispatch("node-added")
	d.Dispatch("pod-added")
	fmt.Println("unreachable")
}
