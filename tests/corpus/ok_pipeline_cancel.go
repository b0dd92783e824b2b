// Correct pattern: a three-stage pipeline whose stages all stop when the
// context is cancelled; no goroutine is left behind.
package main

import (
	"context"
	"fmt"
	"runtime"
	"time"
)

func generate(ctx context.Context) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := 1; ; i++ {
			select {
			case out <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func square(ctx context.Context, in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for v := range in {
			select {
			case out <- v * v:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	sum := 0
	for v := range square(ctx, generate(ctx)) {
		sum += v
		if v >= 25 {
			break
		}
	}
	cancel()
	time.Sleep(50 * time.Millisecond)
	fmt.Println("sum", sum, "err", ctx.Err())
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
