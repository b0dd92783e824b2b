package main

import "fmt"

func main() {
	s := []int{1, 2, 3}
	fmt.Println(s[2:1])
	fmt.Println(s[1:2:1])
	fmt.Println(s[:3:2])
	str := "abc"
	fmt.Println(str[2:0])
}
