package main

import "fmt"

func main() {
	var ch chan string
	fmt.Println("receive on nil")
	s := <-ch
	fmt.Println(s)
}
