package main

import "fmt"

func main() {
	s := "hey"
	n := len(s)
	fmt.Println(s[n-1])
	fmt.Println(s[n])
}
