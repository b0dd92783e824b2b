package main

import "fmt"

func main() {
	ch := make(chan int)
	res := make(chan int)
	go func() {
		res <- <-ch + 1
	}()
	select {
	case ch <- 41:
		fmt.Println("sent")
	}
	fmt.Println(<-res)
}
