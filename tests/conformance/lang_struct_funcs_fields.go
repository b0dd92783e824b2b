package main

import (
	"fmt"
	"strings"
)

// Structs holding funcs, channels and other structs; options pattern.
type Server struct {
	name     string
	port     int
	handlers map[string]func(string) string
	onStop   []func()
}

type Option func(*Server)

func WithPort(p int) Option { return func(s *Server) { s.port = p } }
func WithName(n string) Option {
	return func(s *Server) { s.name = n }
}

func NewServer(opts ...Option) *Server {
	s := &Server{name: "default", port: 80, handlers: map[string]func(string) string{}}
	for _, o := range opts {
		o(s)
	}
	return s
}

func (s *Server) Handle(path string, h func(string) string) { s.handlers[path] = h }

func (s *Server) Serve(path, body string) string {
	h, ok := s.handlers[path]
	if !ok {
		return "404"
	}
	return h(body)
}

func (s *Server) Stop() {
	for i := len(s.onStop) - 1; i >= 0; i-- {
		s.onStop[i]()
	}
}

func main() {
	s := NewServer(WithPort(8080), WithName("api"))
	fmt.Println(s.name, s.port)
	s.Handle("/upper", strings.ToUpper)
	s.Handle("/len", func(b string) string { return fmt.Sprint(len(b)) })
	fmt.Println(s.Serve("/upper", "hi"), s.Serve("/len", "four"), s.Serve("/x", ""))
	s.onStop = append(s.onStop, func() { fmt.Println("close db") }, func() { fmt.Println("close listener") })
	s.Stop()
}
