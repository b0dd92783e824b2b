package main

import (
	"fmt"
	"sync"
)

func insertionSort(xs []int) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && xs[j] < xs[j-1]; j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}

func main() {
	in := make(chan int)
	var mu sync.Mutex
	var wg sync.WaitGroup
	var collected []int
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for v := range in {
				mu.Lock()
				collected = append(collected, v*3)
				mu.Unlock()
			}
		}()
	}
	for i := 10; i > 0; i-- {
		in <- i
	}
	close(in)
	wg.Wait()
	insertionSort(collected)
	fmt.Println(collected)
}
