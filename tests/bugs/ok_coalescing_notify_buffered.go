// Correct: the lost-wakeup fix. The notification channel has capacity 1, so
// a non-blocking send made before anyone waits is kept (and repeated
// notifications coalesce into one), and the waiter re-checks the state under
// the lock.
package main

import (
	"fmt"
	"sync"
)

type Index struct {
	mu    sync.Mutex
	words map[string]int
	ready chan struct{}
}

func (ix *Index) build(text []string) {
	ix.mu.Lock()
	for i, w := range text {
		ix.words[w] = i
	}
	ix.mu.Unlock()
	select {
	case ix.ready <- struct{}{}:
	default: // a notification is already pending
	}
}

func main() {
	ix := &Index{words: map[string]int{}, ready: make(chan struct{}, 1)}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); ix.build([]string{"go", "chan"}) }()
	go func() { defer wg.Done(); ix.build([]string{"select"}) }()
	<-ix.ready
	ix.mu.Lock()
	n := len(ix.words)
	ix.mu.Unlock()
	wg.Wait()
	fmt.Println("index has words:", n > 0)
}
