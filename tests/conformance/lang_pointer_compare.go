package main

import "fmt"

// Pointer equality is identity; new and &T{} always give distinct objects;
// struct values compare field by field.
type T struct{ n int }

func same(a, b *T) bool { return a == b }

func main() {
	a := &T{1}
	b := &T{1}
	c := a
	fmt.Println(a == b, a == c, *a == *b, same(a, c))
	var nilp *T
	fmt.Println(nilp == nil, a != nil)
	x, y := new(int), new(int)
	fmt.Println(x == y, *x == *y)
	m := map[*T]string{a: "a", b: "b"}
	fmt.Println(m[c], m[b], len(m))
	ts := []T{{1}, {2}}
	p0, p1 := &ts[0], &ts[0]
	fmt.Println(p0 == p1, p0 == &ts[1])
}
