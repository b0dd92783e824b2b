package main

import (
	"errors"
	"fmt"
)

// fmt's handling of misbehaving methods: a String that panics, a nil
// pointer receiver, an Error on a nil pointer; and verbs on Stringers.
type Boom struct{}

func (Boom) String() string { panic("boom") }

type Node struct{ name string }

func (n *Node) String() string { return "node " + n.name }

type Name string

func (n Name) String() string { return "name:" + string(n) }

type E struct{ msg string }

func (e *E) Error() string { return e.msg }

func main() {
	fmt.Println(Boom{})
	var n *Node
	fmt.Println(n)
	fmt.Printf("[%v] [%s]\n", n, n)
	var e *E
	fmt.Println(e)
	var err error = e
	fmt.Printf("%v\n", err)
	nm := Name("go")
	fmt.Printf("%v %s %q %x %X %10s|%-10v|\n", nm, nm, nm, nm, nm, nm, nm)
	fmt.Printf("%v %d\n", []Name{"a", "b"}, []int{1})
	fmt.Println(errors.New("x"), fmt.Sprintf("%v", errors.New("y")))
}
