package main

import "fmt"

func main() {
	s := make([]int, 3, 5)
	n := 10
	fmt.Println(len(s[1:5]))
	fmt.Println(s[1:n])
}
