package main

import "fmt"

// Method sets through embedding: embedding T gives the outer value T's value
// methods (and *Outer gets *T's too); embedding *T gives both.
type Runner interface{ Run() string }

type Engine struct{ runs int }

func (e *Engine) Run() string {
	e.runs++
	return fmt.Sprint("run ", e.runs)
}

type ByPtr struct{ *Engine }
type ByVal struct{ Engine }

func main() {
	var r Runner = ByPtr{&Engine{}}
	fmt.Println(r.Run(), r.Run())
	bv := &ByVal{}
	r = bv
	fmt.Println(r.Run(), bv.runs)
	v := ByVal{}
	v.Run()
	fmt.Println(v.runs)
	shared := &Engine{}
	a, b := ByPtr{shared}, ByPtr{shared}
	a.Run()
	b.Run()
	fmt.Println(shared.runs)
}
