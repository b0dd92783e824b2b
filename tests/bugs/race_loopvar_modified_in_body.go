// Bug: a loop variable captured by a goroutine and then modified by the loop
// body. The per-iteration copy of i (Go 1.22) is shared by the goroutine
// and by the i++ that skips the next element, so they race.
// Shows in: every schedule as a data race on this iteration's i.
package main

import (
	"fmt"
	"sync"
)

func main() {
	tokens := []string{"a", "-", "b", "-", "c"}
	var wg sync.WaitGroup
	var mu sync.Mutex
	seen := 0
	for i := 0; i < len(tokens); i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			seen += i // reads i
			mu.Unlock()
		}()
		if i+1 < len(tokens) && tokens[i+1] == "-" {
			i++ // writes the same i the goroutine reads
		}
	}
	wg.Wait()
	fmt.Println("sum of indexes is positive:", seen > 0)
}
