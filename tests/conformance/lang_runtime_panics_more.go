package main

import "fmt"

// More runtime error messages, recovered and printed.
func try(name string, f func()) {
	defer func() { fmt.Printf("%s: %v\n", name, recover()) }()
	f()
}

func main() {
	n := -1
	try("makeslice", func() { _ = make([]int, n) })
	try("makechan", func() { _ = make(chan int, n) })
	try("shift", func() { fmt.Println(1 << n) })
	s := []int{1, 2}
	var arr *[3]int
	try("nil-array-ptr", func() { fmt.Println(arr[1]) })
	var f func()
	try("nil-func", func() { f() })
	try("3-index", func() { _ = s[0:1:n+5] })
}
