// Bug (gRPC-style): on cancellation the caller stops reading results, but
// the worker's send does not select on ctx.Done(); the caller then waits
// for the worker, which waits for a reader forever.
package main

import (
	"context"
	"fmt"
	"sync"
)

type Stream struct {
	results chan int
	wg      sync.WaitGroup
}

func (s *Stream) produce(ctx context.Context) {
	defer s.wg.Done()
	for i := 1; i <= 5; i++ {
		s.results <- i // should be: select { case s.results <- i: case <-ctx.Done(): return }
	}
	close(s.results)
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	s := &Stream{results: make(chan int)}
	s.wg.Add(1)
	go s.produce(ctx)
	for v := range s.results {
		fmt.Println("got", v)
		if v == 2 {
			cancel()
			break
		}
	}
	s.wg.Wait()
	fmt.Println("stream closed")
}
