package main

import "fmt"

// The capacity the stack store gives decides whether two appends to the
// same slice share a backing array.

func main() {
	// Local: s gets cap 4, so a and b share s's array.
	var s []int
	s = append(s, 0)
	a := append(s, 1)
	b := append(s, 2)
	fmt.Println("local:", a[1], b[1], len(a), len(b), cap(s))

	// Printed: heap rule, cap 1, every append copies.
	var p []int
	p = append(p, 0)
	c := append(p, 1)
	d := append(p, 2)
	fmt.Println("escaping:", c, d, cap(p))

	// Bytes: 32 fit, so the second append writes into the first's array.
	var buf []byte
	buf = append(buf, 'a')
	x := append(buf, 'b')
	y := append(buf, 'c')
	fmt.Println("bytes:", string(x[1]), string(y[1]), cap(buf))

	// A slice built by growing appends: the store holds the first four.
	var q []int
	for i := 0; i < 3; i++ {
		q = append(q, i)
	}
	e := append(q, 10)
	f := append(q, 20)
	fmt.Println("grown:", e[3], f[3], cap(q))
	q = append(q, 30, 40)
	g := append(q, 50)
	h := append(q, 60)
	fmt.Println("regrown:", g[5], h[5], cap(q))
}
