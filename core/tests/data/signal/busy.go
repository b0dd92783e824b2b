package main

import "fmt"

func main() {
	fmt.Println("start")
	n := 0
	for {
		n++
	}
}
