package main

import (
	"fmt"
	"time"
)

func future(f func() int) <-chan int {
	ch := make(chan int, 1)
	go func() {
		ch <- f()
	}()
	return ch
}

func main() {
	a := future(func() int {
		time.Sleep(40 * time.Millisecond)
		return 40
	})
	b := future(func() int {
		time.Sleep(20 * time.Millisecond)
		return 2
	})
	fmt.Println(<-a + <-b)
}
