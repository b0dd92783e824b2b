package main

import "fmt"

func counter() (func() int, func()) {
	n := 0
	inc := func() int {
		n++
		return n
	}
	reset := func() {
		n = 0
	}
	return inc, reset
}

func main() {
	inc, reset := counter()
	fmt.Println(inc(), inc(), inc())
	reset()
	fmt.Println(inc())
	inc2, _ := counter()
	fmt.Println(inc2(), inc())
}
