// select with time.After: some waits always time out (nobody ever sends),
// others always win (the value is already buffered), and a heartbeat loop
// with a generous timeout receives every beat.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	never := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	timeouts, hits := 0, 0
	for g := 0; g < 20; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ready := make(chan int, 1)
			for i := 0; i < 10; i++ {
				select {
				case <-never:
					panic("never sends")
				case <-time.After(time.Duration(1+(g+i)%3) * time.Millisecond):
					mu.Lock()
					timeouts++
					mu.Unlock()
				}
				ready <- i
				select {
				case v := <-ready:
					mu.Lock()
					hits += v
					mu.Unlock()
				case <-time.After(time.Hour):
					panic("buffered value lost")
				}
			}
		}()
	}
	wg.Wait()
	fmt.Println("timeouts", timeouts, "hits", hits)

	beats := make(chan int)
	go func() {
		for i := 1; i <= 2000; i++ {
			beats <- i
		}
		close(beats)
	}()
	got, sum := 0, 0
	for {
		select {
		case v, ok := <-beats:
			if !ok {
				fmt.Println("beats", got, sum)
				return
			}
			got++
			sum += v
		case <-time.After(10 * time.Second):
			fmt.Println("heartbeat lost")
			return
		}
	}
}
