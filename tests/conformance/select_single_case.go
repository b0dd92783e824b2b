package main

import "fmt"

func main() {
	ch := make(chan int, 1)
	select {
	case ch <- 3:
	}
	select {
	case v := <-ch:
		fmt.Println(v)
	}
}
