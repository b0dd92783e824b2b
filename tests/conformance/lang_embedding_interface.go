package main

import "fmt"

// A struct embedding an interface gets its methods and can override some
// (the decorator pattern); calling an unset embedded interface panics.
type Store interface {
	Get(k string) string
	Put(k, v string)
}

type mapStore struct{ m map[string]string }

func (s *mapStore) Get(k string) string { return s.m[k] }
func (s *mapStore) Put(k, v string)     { s.m[k] = v }

type loggingStore struct {
	Store
	log []string
}

func (l *loggingStore) Put(k, v string) {
	l.log = append(l.log, "put "+k)
	l.Store.Put(k, v)
}

func main() {
	ls := &loggingStore{Store: &mapStore{m: map[string]string{}}}
	var s Store = ls
	s.Put("a", "1")
	s.Put("b", "2")
	fmt.Println(s.Get("a"), s.Get("b"), ls.log)
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	empty := &loggingStore{}
	empty.Get("x")
}
