package main

import "fmt"

// Go 1.20 slice-to-array conversions copy the elements; a too-short slice
// panics.
func main() {
	s := []int{1, 2, 3, 4}
	a := [4]int(s)
	a[0] = 100
	fmt.Println(s, a)
	defer func() { fmt.Println("recovered:", recover()) }()
	_ = [8]int(s)
}
