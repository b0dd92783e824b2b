package main

import "fmt"

func main() {
	ch := make(chan int)
	quit := make(chan bool)
	go func() {
		for i := 0; i < 3; i++ {
			ch <- i
		}
		quit <- true
	}()
	count := 0
loop:
	for {
		select {
		case v := <-ch:
			fmt.Println("value", v)
			count++
		case <-quit:
			break loop
		}
	}
	fmt.Println("exited after", count)
}
