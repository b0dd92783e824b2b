package main

import "fmt"

// Value methods can be called through pointers (Go dereferences), and
// pointer methods on addressable values (Go takes the address), including
// fields of structs and elements of slices.
type Point struct{ X, Y int }

func (p Point) Sum() int { return p.X + p.Y }

func (p *Point) Scale(k int) {
	p.X *= k
	p.Y *= k
}

type Shape struct {
	Origin Point
	Pts    []Point
}

func main() {
	p := Point{1, 2}
	pp := &p
	fmt.Println(pp.Sum(), (*pp).Sum())
	pp.Scale(10)
	fmt.Println(p, p.Sum())
	(&p).Scale(2)
	fmt.Println(p)

	s := Shape{Origin: Point{3, 4}, Pts: []Point{{1, 1}, {2, 2}}}
	s.Origin.Scale(3)
	s.Pts[1].Scale(5)
	for i := range s.Pts {
		s.Pts[i].Scale(2)
	}
	fmt.Println(s.Origin, s.Pts)

	ps := &s
	ps.Origin.Scale(-1)
	fmt.Println(ps.Origin.Sum())

	pts := []*Point{{1, 0}, {0, 1}}
	for _, q := range pts {
		q.Scale(7)
	}
	fmt.Println(*pts[0], *pts[1], pts[0].Sum()+pts[1].Sum())
}
