// Bug: an uncancelled context leaks its workers. startPollers derives a
// cancellable context for its pollers, but the caller only uses the cancel
// function on the error path, so on success the pollers wait on ctx.Done()
// forever.
// Shows in: the default schedule: main returns with three pollers blocked on
// "select"/"chan receive" (Go exits silently).
package main

import (
	"context"
	"fmt"
	"sync"
)

func poller(ctx context.Context, id int, ready *sync.WaitGroup) {
	ready.Done()
	<-ctx.Done()
	fmt.Println("poller", id, "stopped")
}

func startPollers(n int) (context.CancelFunc, error) {
	ctx, cancel := context.WithCancel(context.Background())
	var ready sync.WaitGroup
	for i := 0; i < n; i++ {
		ready.Add(1)
		go poller(ctx, i, &ready)
	}
	ready.Wait()
	return cancel, nil
}

func main() {
	cancel, err := startPollers(3)
	if err != nil {
		cancel()
		return
	}
	// bug: cancel is never called on success
	fmt.Println("pollers started")
}
