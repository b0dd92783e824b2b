package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int)
	go func() {
		for i := 1; i <= 3; i++ {
			ch <- i
		}
	}()
	for {
		select {
		case v := <-ch:
			fmt.Println("got", v)
		case <-time.After(40 * time.Millisecond):
			fmt.Println("idle, stopping")
			return
		}
	}
}
