// Bug: workers ignore the context when sending. The consumer takes the first
// two results and cancels, but the workers send on an unbuffered channel
// without selecting on ctx.Done(), so the rest block forever; main then
// waits for them with wg.Wait.
// Shows in: every schedule, the default one included.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

func worker(ctx context.Context, id int, out chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	if ctx.Err() != nil {
		return
	}
	out <- id * 100 // bug: no select on ctx.Done()
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	out := make(chan int)
	var wg sync.WaitGroup
	for i := 1; i <= 4; i++ {
		wg.Add(1)
		go worker(ctx, i, out, &wg)
	}
	time.Sleep(5 * time.Millisecond) // slow consumer: every worker is sending by now
	got := 0
	for got < 2 {
		<-out
		got++
	}
	cancel()
	wg.Wait()
	fmt.Println("received", got)
}
