package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int, 1)
	go func() {
		time.Sleep(20 * time.Millisecond)
		ch <- 9
	}()
	polls := 0
	for {
		select {
		case v := <-ch:
			fmt.Println("got", v, "after polling:", polls > 0)
			return
		default:
			polls++
			time.Sleep(time.Millisecond)
		}
	}
}
