// Correct pattern: a client call bounded by context.WithTimeout; the slow
// backend's answer is dropped into a buffered channel so nothing leaks.
package main

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"time"
)

type Backend struct {
	name    string
	latency time.Duration
}

func (b *Backend) Query(ctx context.Context, q string) (string, error) {
	res := make(chan string, 1)
	go func() {
		time.Sleep(b.latency)
		res <- b.name + ":" + q
	}()
	select {
	case r := <-res:
		return r, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func call(b *Backend, q string) {
	ctx, cancel := context.WithTimeout(context.Background(), 250*time.Millisecond)
	defer cancel()
	r, err := b.Query(ctx, q)
	if errors.Is(err, context.DeadlineExceeded) {
		fmt.Println(b.name, "timed out:", err)
		return
	}
	fmt.Println("answer", r)
}

func main() {
	call(&Backend{"cache", 50 * time.Millisecond}, "k1")
	call(&Backend{"disk", 1000 * time.Millisecond}, "k2")
	time.Sleep(1500 * time.Millisecond)
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
