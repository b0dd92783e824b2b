// Interface method calls: dynamic dispatch through the method tables.
// One op = one call of a method through an interface holding one of two
// types (so Go cannot devirtualise it either).
package main

import "fmt"

const N = 1000000

type Shape interface{ Area() int }

type Rect struct{ W, H int }

func (r Rect) Area() int { return r.W * r.H }

type Square struct{ S int }

func (s *Square) Area() int { return s.S * s.S }

func main() {
	shapes := []Shape{Rect{2, 3}, &Square{4}}
	total := 0
	for i := 0; i < N; i++ {
		total += shapes[i&1].Area()
	}
	fmt.Println(total)
}
