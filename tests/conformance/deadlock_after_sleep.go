package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int)
	go func() {
		time.Sleep(20 * time.Millisecond)
		fmt.Println("goroutine exits without sending")
	}()
	<-ch
}
