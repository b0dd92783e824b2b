package main

import "fmt"

func main() {
	switch x := 1; x {
	case 1:
		fmt.Println("one")
	case 2:
		fmt.Println("two")
		fallthrough
	}
}
