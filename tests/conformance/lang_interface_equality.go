package main

import (
	"errors"
	"fmt"
)

// Interface comparison: equal only with identical dynamic types and equal
// values; pointers compare by identity; mixed interface/concrete operands.
type Celsius int
type Kelvin int

type Point struct{ X, Y int }

type Shape interface{ Area() int }

type Sq struct{ S int }

func (s Sq) Area() int { return s.S * s.S }

func main() {
	var a, b any = Celsius(1), Kelvin(1)
	fmt.Println(a == b, a == Celsius(1), b == any(Kelvin(1)))
	var p1, p2 any = Point{1, 2}, Point{1, 2}
	fmt.Println(p1 == p2, p1 == Point{1, 2})
	x, y := &Point{}, &Point{}
	var i1, i2 any = x, y
	fmt.Println(i1 == i2, i1 == any(x))
	var s1 Shape = Sq{2}
	var s2 Shape = Sq{2}
	fmt.Println(s1 == s2, s1 == Sq{2}, s1 != Sq{3})
	var e1 error = errors.New("x")
	e2 := e1
	fmt.Println(e1 == e2, e1 == errors.New("x"))
	var n1 any
	var n2 Shape
	fmt.Println(n1 == nil, n2 == nil)
	set := map[any]int{Celsius(1): 1, Kelvin(1): 2, Point{1, 2}: 3, "s": 4}
	fmt.Println(set[Celsius(1)], set[Kelvin(1)], set[Point{1, 2}], set[1], len(set))
	arr1, arr2 := any([2]Point{}), any([2]Point{})
	fmt.Println(arr1 == arr2)
}
