package main

import (
	"fmt"
	"time"
)

func main() {
	values := []int{3, 1, 4, 2}
	out := make(chan int)
	for _, v := range values {
		go func() {
			time.Sleep(time.Duration(v) * 20 * time.Millisecond)
			out <- v
		}()
	}
	for range values {
		fmt.Println(<-out)
	}
}
