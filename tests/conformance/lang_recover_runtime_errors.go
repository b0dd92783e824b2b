package main

import "fmt"

// Runtime errors recovered as values: printing them matches Go, and they
// satisfy the error interface.
type T struct{ v int }

func try(name string, f func()) {
	defer func() {
		r := recover()
		err, isErr := r.(error)
		fmt.Printf("%s: %v (error=%v)\n", name, r, isErr)
		if isErr {
			fmt.Println("  Error():", err.Error())
		}
	}()
	f()
}

func main() {
	s := []int{1, 2, 3}
	i := 5
	try("index", func() { _ = s[i] })
	try("slice", func() { _ = s[1:i] })
	lo := 2
	try("slice3", func() { _ = s[lo:1] })
	var m map[string]int
	try("nilmap", func() { m["a"] = 1 })
	var p *T
	try("nilptr", func() { fmt.Println(p.v) })
	z := 0
	try("div", func() { fmt.Println(10 / z) })
	arr := [3]int{}
	j := -1
	try("array", func() { arr[j+4] = 1 })
	str := "abc"
	try("string", func() { _ = str[i] })
	var ch chan int
	try("close", func() { close(ch) })
	try("custom", func() { panic(fmt.Sprintf("bad %d", 7)) })
	try("errval", func() { panic(fmt.Errorf("wrapped: %w", fmt.Errorf("inner"))) })
}
