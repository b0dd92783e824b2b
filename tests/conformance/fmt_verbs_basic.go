package main

import "fmt"

type Point struct {
	X, Y int
}

func main() {
	p := Point{3, -4}
	fmt.Printf("%v %+v\n", p, p)
	fmt.Printf("%d %d %d\n", 42, -7, uint8(200))
	fmt.Printf("%s|%q|%v\n", "go", "go\n\"x\"", "plain")
	fmt.Printf("%t %t %v\n", true, false, true)
	fmt.Printf("%v %d\n", []int{1, 2}, []int{3, 4})
	fmt.Printf("%q\n", []string{"a b", "c"})
	fmt.Printf("%s %v\n", []string{"x", "y"}, [2]string{"p", "q"})
	fmt.Printf("%v %+v\n", []Point{{1, 2}}, []Point{{1, 2}})
	fmt.Printf("100%%\n")
	fmt.Printf("%q %q\n", 'x', '\n')
}
