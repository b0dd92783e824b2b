// Bug: a send on a channel closed in a rare schedule. Two mirrors race to
// deliver a download into a buffered channel; main takes the first result
// and closes the channel, assuming the other mirror has already delivered
// (it usually has: the channel has room for both). If the slower mirror
// sends after the close, it panics.
// Shows in: rare schedules (the second mirror runs after main's close):
// "panic: send on closed channel".
package main

import (
	"fmt"
	"sync"
)

func main() {
	results := make(chan string, 2)
	var wg sync.WaitGroup
	for _, m := range []string{"mirror-a", "mirror-b"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results <- m + ": ok"
		}()
	}
	first := <-results
	close(results) // bug: the other mirror may not have sent yet
	wg.Wait()
	fmt.Println("first:", first)
}
