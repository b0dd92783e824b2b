package main

type Store interface {
	Get(k string) (string, error)
	Close() error
}

type memStore struct{ m map[string]string }

func (s *memStore) Get(k string) (string, error) { return s.m[k], nil }

func NewStore() Store {
	return &memStore{m: map[string]string{}}
}

func main() {
	_ = NewStore()
}
