package main

import "fmt"

func main() {
	done := make(chan struct{})
	close(done)
	ch := make(chan int)
	for i := 0; i < 3; i++ {
		select {
		case _, ok := <-done:
			fmt.Println("done ready, ok =", ok)
		case v := <-ch:
			fmt.Println("value", v)
		}
	}
}
