package main

import "fmt"

type Ring struct {
	buf []int
	pos int
}

func (r *Ring) At(i int) int { return r.buf[i] }

// An out-of-range index inside a method, not recovered: exit 2 and Go's
// message.
func main() {
	r := &Ring{buf: make([]int, 3)}
	fmt.Println(r.At(2))
	fmt.Println(r.At(5))
}
