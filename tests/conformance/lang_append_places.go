// Appends in assorted places: package initialisers, mutually recursive
// and closure-using helpers, named results, labeled loops with switch and
// select, if initialisers, array elements and struct fields (updated in
// place unless they are SSA values), range-over-int loops.

package main

import "fmt"

var gs = mk(2)

func mk(n int) []int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return s
}

func a(n int) int {
	if n <= 0 {
		var s []int
		s = append(s, n)
		return cap(s)
	}
	return b(n - 1)
}

func b(n int) int {
	var t []byte
	t = append(t, 'x')
	return a(n-1) + cap(t)
}

func withClosure(n int) int {
	var s []int
	f := func(x int) int { return x * 2 }
	for i := 0; i < n; i++ {
		s = append(s, f(i))
	}
	return cap(s)
}

func named(n int) (out []int, c int) {
	for i := 0; i < n; i++ {
		out = append(out, i)
	}
	c = cap(out)
	return
}

func main() {
	fmt.Println(len(gs), cap(gs))
	fmt.Println(a(3), a(4), b(2))
	for i := 0; i < 2; i++ {
		fmt.Println(withClosure(2))
	}
	o, c := named(3)
	fmt.Println(len(o), cap(o), c)
	var s []int
outer:
	for i := 0; i < 3; i++ {
		switch {
		case i == 1:
			s = append(s, i)
			continue outer
		default:
			s = append(s, i*10)
		}
		select {
		default:
			s = append(s, -1)
		}
	}
	fmt.Println(s[0], len(s), cap(s))
	var t []int
	if x := append(t, 1); len(x) > 0 {
		fmt.Println("if-init", cap(x))
	}
	var m [3][]int
	m[0] = append(m[0], 1)
	fmt.Println("array elem", cap(m[0]))
	type st struct{ xs []int }
	var v st
	v.xs = append(v.xs, 1)
	fmt.Println("field", cap(v.xs))
	ptr := &st{}
	ptr.xs = append(ptr.xs, 1)
	fmt.Println("ptr field", cap(ptr.xs))
	var u []int
	for i := range 3 {
		u = append(u, i)
	}
	for range u {
	}
	fmt.Println("range-int", cap(u))
}
