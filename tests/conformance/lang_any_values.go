package main

import "fmt"

// any / interface{} holding many kinds of values, copied on assignment,
// in maps and slices, and compared.
type Point struct{ X, Y int }

func main() {
	var xs []any
	xs = append(xs, 1, "two", 3.0, Point{4, 5}, []int{6}, nil, true, 'r', byte(8))
	for _, x := range xs {
		fmt.Printf("%v|%T\n", x, x)
	}
	fmt.Println(xs...)

	p := Point{1, 1}
	var boxed interface{} = p
	p.X = 99
	fmt.Println(boxed, p)

	m := map[any]string{1: "int", "1": "string", Point{}: "point", true: "bool"}
	fmt.Println(m[1], m["1"], m[Point{0, 0}], m[true], len(m))
	_, found := m[int64(1)]
	fmt.Println(found)

	var e interface{} = nil
	var f any
	fmt.Println(e == f, e == nil)
	props := map[string]any{"name": "svc", "replicas": 3, "labels": []string{"a"}}
	fmt.Println(props)
}
