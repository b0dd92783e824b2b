package main

import "fmt"

func main() {
	zero := 0
	fmt.Println("start")
	fmt.Println(7 % zero)
}
