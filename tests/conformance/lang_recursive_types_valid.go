// Recursion through pointers, slices, maps, channels, functions and
// interfaces is fine, in any declaration order.
package main

import "fmt"

type tree struct {
	kids  []tree
	up    *tree
	index map[string]tree
	feed  chan tree
	visit func(tree) int
	any   interface{ Get() tree }
}

type A = []B

type B struct {
	a A
	n int
}

type list struct {
	next *list
	v    int
}

func main() {
	t := tree{kids: []tree{{}, {}}}
	t.kids[0].up = &t
	b := B{a: A{{n: 2}}, n: 1}
	l := &list{v: 1, next: &list{v: 2}}
	fmt.Println(len(t.kids), t.kids[0].up == &t, b.n, b.a[0].n, l.v+l.next.v)
}
