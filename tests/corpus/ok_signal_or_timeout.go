// Correct pattern: a daemon waits for SIGINT/SIGTERM via
// signal.NotifyContext, but also stops after its work budget; here no signal
// arrives, so the timeout path runs and the stop function releases the
// signal handler.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ticks := 0
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	budget := time.After(550 * time.Millisecond)
	for {
		select {
		case <-ctx.Done():
			fmt.Println("signal:", ctx.Err())
			return
		case <-t.C:
			ticks++
		case <-budget:
			fmt.Println("budget spent, ticks >= 4:", ticks >= 4, "ctx err:", ctx.Err())
			return
		}
	}
}
