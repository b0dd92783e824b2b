package main

import "fmt"

// Comparing two interfaces holding the same uncomparable dynamic type panics
// at run time.
func main() {
	var a, b interface{} = 1, "x"
	fmt.Println(a == b)
	a, b = []int{1}, []int{1}
	fmt.Println(a == b)
}
