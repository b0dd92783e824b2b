package main

import (
	"fmt"
	"sync"
)

func source(start, n int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := 0; i < n; i++ {
			out <- start + i
		}
	}()
	return out
}

func merge(cs ...<-chan int) <-chan int {
	out := make(chan int)
	var wg sync.WaitGroup
	wg.Add(len(cs))
	for _, c := range cs {
		go func() {
			defer wg.Done()
			for v := range c {
				out <- v
			}
		}()
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

func main() {
	sum, count := 0, 0
	for v := range merge(source(0, 10), source(100, 10), source(1000, 5)) {
		sum += v
		count++
	}
	fmt.Println(count, sum)
}
