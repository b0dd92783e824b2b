package main

import "fmt"

// A pointer to a field points into the variable's storage: assigning a new
// struct value to the variable is visible through it, and changes through
// it are visible in the variable.
type Inner struct{ N int }
type Outer struct {
	In  Inner
	Arr [2]int
}

func main() {
	var o Outer
	p := &o.In
	q := &o.In.N
	p.N = 1
	fmt.Println(o.In.N, *q)
	o = Outer{In: Inner{N: 42}}
	fmt.Println(p.N, *q)
	*q = 7
	fmt.Println(o.In)
	copyO := o
	*q = 8
	fmt.Println(copyO.In.N, o.In.N)
	po := &o
	po.In = Inner{9}
	fmt.Println(*q, p.N)
	o2 := &Outer{}
	pin := &o2.In
	*o2 = Outer{In: Inner{5}}
	fmt.Println(pin.N)
}
