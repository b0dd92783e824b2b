// Correct: workers stop when their context is cancelled. Every send selects
// on ctx.Done(), cancel is deferred and also called once enough results are
// in, and main waits for every worker before returning.
package main

import (
	"context"
	"fmt"
	"sync"
)

func worker(ctx context.Context, id int, out chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	for n := 0; ; n++ {
		select {
		case out <- id*100 + n:
		case <-ctx.Done():
			return
		}
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out := make(chan int)
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go worker(ctx, i, out, &wg)
	}
	got := 0
	for got < 5 {
		<-out
		got++
	}
	cancel()
	wg.Wait()
	fmt.Println("received", got, "err:", ctx.Err())
}
