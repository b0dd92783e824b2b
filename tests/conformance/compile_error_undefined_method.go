package main

import "sync"

type store struct {
	mu   sync.Mutex
	data map[string]string
}

func (s *store) get(k string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.data[k]
}

func main() {
	s := &store{}
	s.Get("k")
}
