package main

import "fmt"

func main() {
	n := 2
	switch n {
	case 1:
		fmt.Println("one")
	case 2, 1:
		fmt.Println("two")
	}
}
