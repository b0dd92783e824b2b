package main

import (
	"fmt"
	"sync"
)

func main() {
	tasks := make([]int, 20)
	for i := range tasks {
		tasks[i] = i + 1
	}
	results := make([]int, len(tasks))
	limit := make(chan struct{}, 4)
	var wg sync.WaitGroup
	for i, t := range tasks {
		wg.Add(1)
		limit <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-limit }()
			results[i] = t * t * t
		}()
	}
	wg.Wait()
	sum := 0
	for _, r := range results {
		sum += r
	}
	fmt.Println(results[:5], sum)
}
