package main

import (
	"fmt"
	"time"
)

func main() {
	time.Sleep(50 * time.Millisecond)
	fmt.Println("slept", 50*time.Millisecond)
	done := make(chan int)
	go func() {
		time.Sleep(20 * time.Millisecond)
		done <- 1
	}()
	fmt.Println(<-done)
}
