package main

import "fmt"

// Keyed, positional, nested and partially keyed struct literals, zero
// values, and elided types inside composite literals.
type Point struct{ X, Y int }

type Rect struct {
	Min, Max Point
	Label    string
	Tags     []string
}

type Config struct {
	Name    string
	Retries int
	Verbose bool
	Limits  map[string]int
	Parent  *Config
}

func main() {
	p := Point{1, 2}
	q := Point{Y: 5}
	var z Point
	fmt.Println(p, q, z)
	r := Rect{Min: Point{0, 0}, Max: Point{X: 3, Y: 4}, Label: "box"}
	fmt.Println(r)
	fmt.Printf("%v\n%+v\n", r, r)
	rs := []Rect{{Max: Point{1, 1}}, {Label: "second", Tags: []string{"a", "b"}}}
	fmt.Printf("%+v\n", rs)
	pts := map[string]Point{"o": {}, "a": {1, 1}}
	fmt.Println(pts)
	ptrs := []*Point{{5, 6}, {Y: 7}}
	fmt.Println(*ptrs[0], *ptrs[1])
	base := &Config{Name: "base", Retries: 3}
	c := Config{Name: "child", Parent: base, Limits: map[string]int{"cpu": 2}}
	fmt.Printf("%+v %v %d\n", c.Parent.Name, c.Limits, c.Parent.Retries)
	var zc Config
	fmt.Printf("%+v\n", zc)
	arr := [...]Point{2: {9, 9}, 0: {1, 1}}
	fmt.Println(len(arr), arr)
}
