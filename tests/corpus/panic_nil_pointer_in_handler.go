// Bug (gRPC-style): a handler dereferences an optional field that was never
// set; the panic in the serving goroutine kills the whole process.
package main

import (
	"fmt"
	"time"
)

type Metadata struct {
	User string
}

type Request struct {
	Method string
	MD     *Metadata
}

type Server struct{ handled int }

func (s *Server) handle(r *Request) {
	s.handled++
	fmt.Println("handling", r.Method, "for", r.MD.User)
}

func main() {
	s := &Server{}
	reqs := make(chan *Request)
	go func() {
		for r := range reqs {
			s.handle(r)
		}
	}()
	reqs <- &Request{"Get", &Metadata{"alice"}}
	reqs <- &Request{Method: "List"}
	time.Sleep(50 * time.Millisecond)
	fmt.Println("unreachable")
}
