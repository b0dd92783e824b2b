// Correct pattern: a hand-written errgroup. The first error cancels the
// shared context; Wait returns that first error after every task is done.
package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

type Group struct {
	wg      sync.WaitGroup
	errOnce sync.Once
	err     error
	cancel  context.CancelFunc
}

func WithContext(ctx context.Context) (*Group, context.Context) {
	ctx, cancel := context.WithCancel(ctx)
	return &Group{cancel: cancel}, ctx
}

func (g *Group) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := f(); err != nil {
			g.errOnce.Do(func() {
				g.err = err
				g.cancel()
			})
		}
	}()
}

func (g *Group) Wait() error {
	g.wg.Wait()
	g.cancel()
	return g.err
}

func fetch(ctx context.Context, name string, d time.Duration, fail bool) error {
	select {
	case <-time.After(d):
		if fail {
			return errors.New(name + ": connection refused")
		}
		return nil
	case <-ctx.Done():
		return fmt.Errorf("%s: %w", name, ctx.Err())
	}
}

func main() {
	g, ctx := WithContext(context.Background())
	g.Go(func() error { return fetch(ctx, "users", 50*time.Millisecond, false) })
	g.Go(func() error { return fetch(ctx, "orders", 100*time.Millisecond, true) })
	g.Go(func() error { return fetch(ctx, "stock", 500*time.Millisecond, false) })
	err := g.Wait()
	fmt.Println("first error:", err)
	fmt.Println("ctx:", ctx.Err())
}
