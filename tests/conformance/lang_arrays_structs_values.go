package main

import "fmt"

type Point struct {
	X, Y int
}

func move(p Point) Point {
	p.X += 10
	return p
}

func main() {
	a := [3]int{1, 2, 3}
	b := a
	b[0] = 100
	fmt.Println(a, b, a == [3]int{1, 2, 3})
	p := Point{1, 2}
	q := move(p)
	fmt.Println(p, q, p == q)
	grid := [2][2]int{{1, 2}, {3, 4}}
	g2 := grid
	g2[1][1] = 0
	fmt.Println(grid, g2)
	pts := []Point{{1, 1}, {2, 2}}
	for _, pt := range pts {
		pt.X = 99
	}
	fmt.Println(pts)
	for i := range pts {
		pts[i].Y = -1
	}
	fmt.Println(pts)
	anon := struct {
		Name string
		Age  int
	}{"gopher", 13}
	anon.Age++
	fmt.Println(anon.Name, anon.Age)
	var arr [5]int
	fmt.Println(arr, len(arr))
}
