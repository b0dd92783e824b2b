package main

import "fmt"

// Slicing an addressable array makes a slice that shares the array's
// storage, in both directions.
type Ring struct {
	buf [4]int
}

func main() {
	var a [3]string
	s := a[:]
	s[0] = "x"
	a[2] = "z"
	fmt.Println(a, s)
	r := &Ring{}
	w := r.buf[1:3]
	w[0] = 7
	r.buf[2] = 9
	fmt.Println(r.buf, w, len(w), cap(w))
}
