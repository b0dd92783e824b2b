package main

import "fmt"

func main() {
	words := []string{"go", "chan", "select"}
	var fs []func() string
	for i, w := range words {
		fs = append(fs, func() string { return fmt.Sprint(i, ":", w) })
	}
	for _, f := range fs {
		fmt.Println(f())
	}
	var gs []func() int
	for n := range 3 {
		gs = append(gs, func() int { return n * n })
	}
	for _, g := range gs {
		fmt.Print(g(), " ")
	}
	fmt.Println()
}
