package main

import "fmt"

// A slice-to-array-pointer conversion (Go 1.17) aliases the slice's
// backing array; a too-short slice panics.
func main() {
	s := []int{1, 2, 3, 4}
	p := (*[2]int)(s)
	p[1] = 200
	fmt.Println(s, *p, len(p))
	defer func() { fmt.Println("recovered:", recover()) }()
	_ = (*[5]int)(s)
}
