// Correct pattern: request-scoped values through context.WithValue with an
// unexported key type, and a cancellation cause read back with
// context.Cause.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

type ctxKey string

const requestIDKey ctxKey = "request-id"

var ErrClientGone = errors.New("client disconnected")

func handler(ctx context.Context, out chan<- string) {
	id, _ := ctx.Value(requestIDKey).(string)
	select {
	case <-time.After(500 * time.Millisecond):
		out <- id + ": done"
	case <-ctx.Done():
		out <- fmt.Sprintf("%s: %v (cause: %v)", id, ctx.Err(), context.Cause(ctx))
	}
}

func main() {
	base := context.WithValue(context.Background(), requestIDKey, "req-42")
	ctx, cancel := context.WithCancelCause(base)
	out := make(chan string)
	go handler(ctx, out)
	time.Sleep(50 * time.Millisecond)
	cancel(ErrClientGone)
	fmt.Println(<-out)
	fmt.Println(ctx.Value(requestIDKey), ctx.Value("request-id"))
	fmt.Println(errors.Is(context.Cause(ctx), ErrClientGone))

	tctx, tcancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer tcancel()
	go handler(context.WithValue(tctx, requestIDKey, "req-43"), out)
	fmt.Println(<-out)
	_, hasDeadline := tctx.Deadline()
	fmt.Println(hasDeadline)
}
