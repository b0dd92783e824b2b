package main

import (
	"fmt"
	"math"
)

// Dynamic dispatch through an interface, with value and pointer receivers.
type Shape interface {
	Area() float64
	Name() string
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }
type Square struct{ Rect }

func (r Rect) Area() float64    { return r.W * r.H }
func (r Rect) Name() string      { return "rect" }
func (c *Circle) Area() float64  { return math.Pi * c.R * c.R }
func (c *Circle) Name() string   { return "circle" }
func (s Square) Name() string    { return "square" }

func total(shapes []Shape) float64 {
	t := 0.0
	for _, s := range shapes {
		t += s.Area()
	}
	return t
}

func main() {
	shapes := []Shape{Rect{2, 3}, &Circle{1}, Square{Rect{2, 2}}, &Rect{1, 1}}
	for _, s := range shapes {
		fmt.Printf("%s %.2f\n", s.Name(), s.Area())
	}
	fmt.Printf("total %.3f\n", total(shapes))
	var s Shape
	fmt.Println(s == nil)
	s = &Circle{2}
	c := s.(*Circle)
	c.R = 3
	fmt.Printf("%.2f\n", s.Area())
}
