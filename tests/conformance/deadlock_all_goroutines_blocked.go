package main

import (
	"fmt"
	"sync"
)

func main() {
	ch := make(chan int)
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			wg.Done()
			ch <- i
		}()
	}
	wg.Wait()
	fmt.Println("all started")
	var block chan int
	<-block
}
