package main

import (
	"fmt"
	"time"
)

func job(ms int) <-chan int {
	c := make(chan int, 1)
	go func() {
		time.Sleep(time.Duration(ms) * time.Millisecond)
		c <- ms
	}()
	return c
}

func main() {
	for _, ms := range []int{0, 120, 20} {
		select {
		case v := <-job(ms):
			fmt.Println("job finished", v)
		case <-time.After(60 * time.Millisecond):
			fmt.Println("job", ms, "timed out")
		}
	}
}
