package main

import (
	"fmt"
	"sync"
)

func worker(id int, done <-chan struct{}, ticks chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	for {
		select {
		case <-done:
			return
		case ticks <- id:
		}
	}
}

func main() {
	done := make(chan struct{})
	ticks := make(chan int)
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go worker(i, done, ticks, &wg)
	}
	received := 0
	for received < 30 {
		<-ticks
		received++
	}
	close(done)
	wg.Wait()
	fmt.Println("received", received, "all workers stopped")
}
