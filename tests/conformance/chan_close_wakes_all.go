package main

import (
	"fmt"
	"sync"
)

func main() {
	ch := make(chan int)
	results := make(chan bool, 5)
	var started sync.WaitGroup
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		started.Add(1)
		wg.Add(1)
		go func() {
			defer wg.Done()
			started.Done()
			_, ok := <-ch
			results <- ok
		}()
	}
	started.Wait()
	close(ch)
	wg.Wait()
	close(results)
	woken := 0
	for ok := range results {
		if !ok {
			woken++
		}
	}
	fmt.Println("woken:", woken)
}
