// Bug: a race only on a rarely taken path. The handler polls for a cached
// response with a non-blocking select; on a miss (the fetcher has not
// answered yet) it bumps s.misses without the lock, while the fetcher
// bumps it under the lock. In the default schedule the answer is already
// there and the default branch never runs.
// Shows in: rare schedules (handler runs before the fetcher sends), as a data
// race on Server.misses.
package main

import (
	"fmt"
	"sync"
)

type Server struct {
	mu     sync.Mutex
	misses int
}

func main() {
	s := &Server{}
	resp := make(chan string, 1)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // fetcher
		defer wg.Done()
		s.mu.Lock()
		s.misses++
		s.mu.Unlock()
		resp <- "cached page"
	}()
	wg.Add(1)
	go func() { // handler
		defer wg.Done()
		for i := 0; i < 200; i++ { // parse the request first
			_ = i * i
		}
		select {
		case r := <-resp:
			fmt.Println("hit:", r)
		default:
			s.misses++ // bug: unlocked, only on a miss
			fmt.Println("miss")
		}
	}()
	wg.Wait()
	fmt.Println("misses recorded")
}
