package main

import "fmt"

func main() {
	var never chan int
	ch := make(chan int)
	go func() {
		ch <- 42
	}()
	select {
	case v := <-never:
		fmt.Println("never", v)
	case never <- 1:
		fmt.Println("never send")
	case v := <-ch:
		fmt.Println("ready", v)
	}
	select {
	case <-never:
		fmt.Println("impossible")
	default:
		fmt.Println("nil case is never ready")
	}
}
