package main

import "fmt"

func main() {
	fmt.Printf("%d\n", "hi")
	fmt.Printf("%s\n", 42)
	fmt.Printf("%d %d\n", 1)
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("%t\n", 5)
	fmt.Printf("%z\n", 3)
	fmt.Printf("%!\n")
	fmt.Println(fmt.Sprintf("%x", true))
}
