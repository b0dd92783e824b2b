// Bug: the error path of a worker returns without calling Done, so Wait
// never returns.
package main

import (
	"errors"
	"fmt"
	"sync"
)

type Syncer struct {
	wg     sync.WaitGroup
	mu     sync.Mutex
	synced []string
}

func (s *Syncer) syncOne(name string) error {
	if name == "bad" {
		return errors.New("invalid object " + name)
	}
	s.mu.Lock()
	s.synced = append(s.synced, name)
	s.mu.Unlock()
	return nil
}

func (s *Syncer) worker(name string) {
	if err := s.syncOne(name); err != nil {
		fmt.Println("error:", err)
		return // forgot s.wg.Done()
	}
	s.wg.Done()
}

func main() {
	s := &Syncer{}
	names := []string{"a", "bad", "c"}
	s.wg.Add(len(names))
	for _, n := range names {
		go s.worker(n)
	}
	s.wg.Wait()
	fmt.Println("synced", len(s.synced))
}
