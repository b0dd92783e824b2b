package main

import "fmt"

func main() {
	var a [1 << 8][1 << 8]int
	s := fmt.Sprint(a)
	fmt.Println(len(s))
}
