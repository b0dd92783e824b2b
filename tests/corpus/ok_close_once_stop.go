// Correct pattern (the fix for a double-close panic): Stop may be called
// from several places and goroutines; sync.Once makes the close happen once.
package main

import (
	"fmt"
	"sync"
)

type Watcher struct {
	stopOnce sync.Once
	stopCh   chan struct{}
	stops    int
}

func (w *Watcher) Stop() {
	w.stopOnce.Do(func() {
		w.stops++
		close(w.stopCh)
	})
}

func (w *Watcher) Run(events <-chan string, done chan<- int) {
	n := 0
	for {
		select {
		case <-events:
			n++
		case <-w.stopCh:
			done <- n
			return
		}
	}
}

func main() {
	w := &Watcher{stopCh: make(chan struct{})}
	events := make(chan string)
	done := make(chan int)
	go w.Run(events, done)
	events <- "add"
	events <- "update"
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w.Stop()
		}()
	}
	wg.Wait()
	w.Stop()
	fmt.Println("events", <-done, "stops", w.stops)
}
