package main

import "fmt"

func main() {
	c := make(chan int, 1)
	var ch chan<- int = c
	fmt.Println(<-ch)
}
