// Graceful shutdown: stop the workers cleanly when the program is interrupted.
//
// signal.NotifyContext returns a context that is cancelled when SIGINT
// arrives (Ctrl-C in a terminal, the Interrupt button in the playground).
// Three workers take jobs from a channel until that context is done; a
// worker always finishes the job in hand before it looks at the context
// again. After the six jobs the program serves on, waiting for more work
// that never comes, until it is interrupted. main then waits for the
// workers with a WaitGroup, prints a summary and returns normally: exit
// status 0, instead of the 130 of a program killed by the signal.
//
// What to watch: once the jobs are done every goroutine is blocked (the
// workers in "select", main in "chan receive" on ctx.Done()) and the run
// idles: only a signal can wake it. Press Interrupt: NotifyContext's own
// goroutine receives the signal and cancels the context, closing its Done
// channel, which wakes main and all three workers at once. Calling stop()
// restores Go's default, so a second Ctrl-C would kill the program.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"sync"
	"time"
)

// worker squares job numbers until ctx is cancelled.
func worker(ctx context.Context, jobs <-chan int, results chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	for {
		select {
		case <-ctx.Done():
			return // cancelled: no job in hand, so nothing is lost
		case j := <-jobs:
			time.Sleep(10 * time.Millisecond) // the work itself
			results <- j * j
		}
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	jobs := make(chan int)
	results := make(chan int)
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1) // before go: Wait must not miss a worker that has not started yet
		go worker(ctx, jobs, results, &wg)
	}

	// Hand out six jobs and collect their results (in any order).
	go func() {
		for j := 1; j <= 6; j++ {
			jobs <- j
		}
	}()
	sum := 0
	for i := 0; i < 6; i++ {
		sum += <-results
	}
	fmt.Println("6 jobs done, sum of squares", sum)
	fmt.Println("serving until interrupted (press Interrupt, or Ctrl-C)")

	<-ctx.Done() // blocks until SIGINT
	stop()       // from here on a second Ctrl-C kills the program as usual
	fmt.Println("shutting down:", context.Cause(ctx))
	wg.Wait()
	fmt.Println("all workers stopped, exiting cleanly")
}
