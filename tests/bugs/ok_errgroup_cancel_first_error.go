// Correct: an errgroup-like helper. The error channel has room for every
// task, the first error cancels the shared context, the other tasks notice
// it, and Wait joins them all before returning the first error.
package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

type Group struct {
	wg     sync.WaitGroup
	errc   chan error
	cancel context.CancelFunc
}

func WithContext(parent context.Context, n int) (*Group, context.Context) {
	ctx, cancel := context.WithCancel(parent)
	return &Group{errc: make(chan error, n), cancel: cancel}, ctx
}

func (g *Group) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := f(); err != nil {
			g.errc <- err
			g.cancel()
		}
	}()
}

func (g *Group) Wait() error {
	g.wg.Wait()
	g.cancel()
	close(g.errc)
	return <-g.errc // nil when no task failed
}

func main() {
	g, ctx := WithContext(context.Background(), 3)
	g.Go(func() error { return errors.New("disk full") })
	for i := 0; i < 2; i++ {
		g.Go(func() error {
			select {
			case <-time.After(time.Second):
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}
	err := g.Wait()
	fmt.Println("first error:", err != nil)
}
