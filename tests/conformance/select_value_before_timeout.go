package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan string)
	go func() {
		time.Sleep(20 * time.Millisecond)
		ch <- "result"
	}()
	select {
	case v := <-ch:
		fmt.Println(v)
	case <-time.After(200 * time.Millisecond):
		fmt.Println("timeout")
	}
}
