package main

import "fmt"

func main() {
	ch := make(chan int)
	select {
	case v := <-ch:
		fmt.Println("got", v)
	default:
		fmt.Println("no value ready")
	}
	buf := make(chan int, 1)
	buf <- 5
	select {
	case v := <-buf:
		fmt.Println("got", v)
	default:
		fmt.Println("no value ready")
	}
	select {
	case buf <- 6:
		fmt.Println("sent 6")
	default:
		fmt.Println("full")
	}
	select {
	case buf <- 7:
		fmt.Println("sent 7")
	default:
		fmt.Println("full")
	}
}
