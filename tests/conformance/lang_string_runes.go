package main

import "fmt"

func main() {
	s := "héllo, 世界"
	fmt.Println(len(s), len([]rune(s)))
	for i, r := range s {
		fmt.Print(i, ":", string(r), " ")
	}
	fmt.Println()
	for i := 0; i < 3; i++ {
		fmt.Print(s[i], " ")
	}
	fmt.Println()
	fmt.Println(s[0:1], s[7:], s[1:3] == "é")
	for i := range "abc" {
		fmt.Print(i)
	}
	fmt.Println()
	bad := "a\xffb"
	for _, r := range bad {
		fmt.Print(r, " ")
	}
	fmt.Println()
}
