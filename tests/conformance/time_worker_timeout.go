package main

import (
	"fmt"
	"time"
)

func work(d time.Duration) <-chan string {
	ch := make(chan string, 1)
	go func() {
		time.Sleep(d)
		ch <- "finished in " + d.String()
	}()
	return ch
}

func main() {
	select {
	case r := <-work(100 * time.Millisecond):
		fmt.Println(r)
	case <-time.After(20 * time.Millisecond):
		fmt.Println("timed out")
	}
	select {
	case r := <-work(20 * time.Millisecond):
		fmt.Println(r)
	case <-time.After(100 * time.Millisecond):
		fmt.Println("timed out")
	}
}
