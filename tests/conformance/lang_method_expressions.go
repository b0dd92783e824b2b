package main

import "fmt"

// Method expressions turn a method into a function taking the receiver as
// its first argument: T.M for value methods, (*T).M for pointer methods.
type Vec struct{ X, Y int }

func (v Vec) Add(o Vec) Vec { return Vec{v.X + o.X, v.Y + o.Y} }
func (v *Vec) Neg()         { v.X, v.Y = -v.X, -v.Y }
func (v Vec) String() string {
	return fmt.Sprintf("(%d,%d)", v.X, v.Y)
}

func fold(xs []Vec, f func(Vec, Vec) Vec) Vec {
	var acc Vec
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

func main() {
	add := Vec.Add
	fmt.Println(add(Vec{1, 2}, Vec{3, 4}))
	fmt.Println(fold([]Vec{{1, 1}, {2, 2}, {3, 3}}, Vec.Add))

	neg := (*Vec).Neg
	v := Vec{5, -6}
	neg(&v)
	fmt.Println(v)

	// A value method is in the method set of *Vec too.
	addp := (*Vec).Add
	fmt.Println(addp(&v, Vec{10, 10}))

	str := Vec.String
	fmt.Printf("%s %T\n", str(Vec{7, 8}), neg)
}
