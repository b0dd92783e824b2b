// len of a package array variable is a constant, usable in a type or
// constant declared anywhere in the package.
package main

import "fmt"

type window [len(history) / 2]float64

const slots = len(names) + cap(history)

var history [8]int

var names = [...]string{"a", "b", "c"}

type label [len(names)]string

func main() {
	var w window
	var l label
	history[0] = slots
	fmt.Println(len(w), len(l), slots, history[0], names)
	fmt.Printf("%T %T\n", w, l)
}
