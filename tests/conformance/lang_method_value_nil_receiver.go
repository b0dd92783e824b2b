package main

import "fmt"

type T struct{ n int }

func (t T) Get() int   { return t.n }
func (t *T) PGet() int { return 42 }

// A method value with a value receiver copies *p at evaluation time, so a
// nil p panics there; a pointer-receiver method value does not.
func main() {
	var p *T
	pg := p.PGet
	fmt.Println(pg())
	defer func() { fmt.Println("recovered:", recover()) }()
	g := p.Get
	fmt.Println("not reached", g())
}
