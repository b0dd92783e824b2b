package main

import (
	"errors"
	"fmt"
)

// A server method converts a handler panic into an error through a
// deferred recover that sets the named result; runtime errors keep their
// type.
type Server struct{ served int }

func (s *Server) Serve(h func() string) (resp string, err error) {
	defer func() {
		if r := recover(); r != nil {
			if re, ok := r.(error); ok {
				err = fmt.Errorf("handler panicked: %w", re)
			} else {
				err = fmt.Errorf("handler panicked: %v", r)
			}
			resp = "500"
		}
		s.served++
	}()
	return h(), nil
}

var errQuota = errors.New("quota")

func main() {
	s := &Server{}
	fmt.Println(s.Serve(func() string { return "200" }))
	fmt.Println(s.Serve(func() string { panic("bad input") }))
	fmt.Println(s.Serve(func() string { var m map[string]int; m["x"]++; return "" }))
	_, err := s.Serve(func() string { panic(errQuota) })
	fmt.Println(err, errors.Is(err, errQuota))
	idx := 7
	_, err = s.Serve(func() string { return []string{"a"}[idx] })
	fmt.Println(err)
	fmt.Println("served", s.served)
}
