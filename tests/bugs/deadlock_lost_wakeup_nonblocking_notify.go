// Bug: a lost wakeup through a non-blocking send. The indexer signals
// "ready" with a select/default on an unbuffered channel so that it never
// blocks; if main is not already waiting at that moment, the notification
// is dropped and main's receive waits forever. In the default schedule main
// reaches the receive first.
// Shows in: rare schedules (the indexer runs before main blocks):
// "fatal error: all goroutines are asleep - deadlock!".
package main

import "fmt"

type Index struct {
	words map[string]int
	ready chan struct{}
}

func (ix *Index) build(text []string) {
	for i, w := range text {
		ix.words[w] = i
	}
	select {
	case ix.ready <- struct{}{}:
	default: // nobody listening: the wakeup is lost
	}
}

func main() {
	ix := &Index{words: map[string]int{}, ready: make(chan struct{})}
	go ix.build([]string{"go", "chan", "select"})
	<-ix.ready
	fmt.Println("index ready:", len(ix.words), "words")
}
