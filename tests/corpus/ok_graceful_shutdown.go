// Correct pattern: a server with workers looping until the context is
// cancelled; Shutdown cancels and waits on a WaitGroup. The workers'
// messages are collected and sorted.
package main

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"time"
)

type Server struct {
	cancel context.CancelFunc
	wg     sync.WaitGroup
	mu     sync.Mutex
	log    []string
}

func (s *Server) logf(format string, args ...any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.log = append(s.log, fmt.Sprintf(format, args...))
}

func (s *Server) Start(ctx context.Context, workers int) {
	ctx, s.cancel = context.WithCancel(ctx)
	for i := 0; i < workers; i++ {
		s.wg.Add(1)
		go s.worker(ctx, i)
	}
}

func (s *Server) worker(ctx context.Context, id int) {
	defer s.wg.Done()
	t := time.NewTicker(20 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			s.logf("worker %d stopped: %v", id, ctx.Err())
			return
		case <-t.C:
		}
	}
}

func (s *Server) Shutdown() {
	s.cancel()
	s.wg.Wait()
}

func main() {
	s := &Server{}
	s.Start(context.Background(), 3)
	time.Sleep(110 * time.Millisecond)
	s.Shutdown()
	sort.Strings(s.log)
	for _, l := range s.log {
		fmt.Println(l)
	}
	fmt.Println("shutdown complete")
}
