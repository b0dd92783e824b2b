// Bug: writing under a read lock. Sessions.Touch takes only RLock but updates
// the map, so two Touch calls (both holding the read lock at once) write the
// map concurrently.
// Shows in: every schedule as a data race on the map (read locks do not order
// readers among themselves).
package main

import (
	"fmt"
	"sync"
)

type Sessions struct {
	mu       sync.RWMutex
	lastSeen map[string]int
}

func (s *Sessions) Touch(user string, now int) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	s.lastSeen[user] = now // bug: write under RLock
}

func main() {
	s := &Sessions{lastSeen: map[string]int{}}
	var wg sync.WaitGroup
	for i, u := range []string{"ann", "bob"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.Touch(u, i)
		}()
	}
	wg.Wait()
	fmt.Println(len(s.lastSeen), "sessions")
}
