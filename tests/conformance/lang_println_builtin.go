package main

import "fmt"

func main() {
	fmt.Println("stdout line")
	println(1.5, 2, "x", true, -7)
	print("second\n")
}
