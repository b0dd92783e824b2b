// Ranging over a nil *[N]T with at most one variable never dereferences
// it: len(p) is constant. With two variables it panics.
package main

import "fmt"

func main() {
	var p *[3]int
	for i := range p {
		fmt.Print(i)
	}
	for range p {
		fmt.Print(".")
	}
	fmt.Println()
	q := &[2]string{"a", "b"}
	for i, v := range q {
		fmt.Println(i, v)
	}
	defer func() { fmt.Println(recover()) }()
	for i, v := range p {
		fmt.Println(i, v)
	}
}
