package main

import "fmt"

// Go inlines small functions before escape analysis: the stack store of an
// inlined call belongs to the caller's frame, one per call site, and is
// taken at most once per call of the caller.

// Small: inlined at each call site.
func capAfter(n int) int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return cap(s)
}

// Inlined too, and inlines capAfter.
func twice(n int) int {
	return capAfter(n) + capAfter(n+1)
}

// Too big to inline: a fresh store on every call.
func capAfterPrinted(n int) int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	fmt.Println("appended", len(s))
	fmt.Println("appended", len(s))
	return cap(s)
}

// Returned slices move to the heap (sized to their length) when they are
// still in the store.
func build(n int) []int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return s
}

func word(n int) []byte {
	var b []byte
	for i := 0; i < n; i++ {
		b = append(b, byte('a'+i))
	}
	return b
}

// Recursive: never inlined into itself.
func depth(n int) int {
	if n == 0 {
		var s []int
		s = append(s, 1)
		return cap(s)
	}
	return depth(n - 1)
}

var viaValue = capAfter

func main() {
	for i := 0; i < 3; i++ {
		fmt.Println("loop", capAfter(1), capAfter(1), capAfterPrinted(1))
	}
	for i := 0; i < 2; i++ {
		fmt.Println("nested", twice(1))
	}
	for _, n := range []int{1, 2, 3, 5} {
		s := build(n)
		fmt.Println("build", n, len(s), cap(s))
	}
	for _, n := range []int{1, 5, 9, 17} {
		w := word(n)
		fmt.Println("word", string(w), cap(w))
	}
	fmt.Println("recursive", depth(3), depth(0))
	fmt.Println("value", viaValue(1), viaValue(1))
	done := make(chan int)
	go func() {
		done <- capAfter(2)
	}()
	fmt.Println("goroutine", <-done)
	func() {
		for i := 0; i < 2; i++ {
			fmt.Println("closure", capAfter(1))
		}
	}()
}
