package main

import (
	"fmt"
	"strings"
)

// Interfaces embedding interfaces; a value satisfying the larger interface
// is usable as each smaller one.
type Reader interface {
	Read() (string, bool)
}

type Writer interface {
	Write(s string) int
}

type ReadWriter interface {
	Reader
	Writer
}

type Closer interface{ Close() error }

type ReadWriteCloser interface {
	ReadWriter
	Closer
}

type Pipe struct {
	buf    []string
	closed bool
}

func (p *Pipe) Write(s string) int {
	p.buf = append(p.buf, s)
	return len(s)
}

func (p *Pipe) Read() (string, bool) {
	if len(p.buf) == 0 {
		return "", false
	}
	s := p.buf[0]
	p.buf = p.buf[1:]
	return s, true
}

func (p *Pipe) Close() error {
	p.closed = true
	return nil
}

func copyAll(dst Writer, src Reader) int {
	n := 0
	for {
		s, ok := src.Read()
		if !ok {
			return n
		}
		n += dst.Write(strings.ToUpper(s))
	}
}

func main() {
	src := &Pipe{}
	var w Writer = src
	w.Write("hello")
	w.Write("world")
	var rwc ReadWriteCloser = &Pipe{}
	n := copyAll(rwc, src)
	fmt.Println(n)
	var rw ReadWriter = rwc
	for {
		s, ok := rw.Read()
		if !ok {
			break
		}
		fmt.Println(s)
	}
	fmt.Println(rwc.Close(), rwc.(*Pipe).closed)
	_, isCloser := w.(Closer)
	fmt.Println(isCloser)
}
