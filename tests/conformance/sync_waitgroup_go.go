package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var wg sync.WaitGroup
	var total atomic.Int64
	for i := 1; i <= 100; i++ {
		wg.Go(func() {
			total.Add(int64(i))
		})
	}
	wg.Wait()
	fmt.Println(total.Load())
	results := make([]int, 5)
	for i := range results {
		wg.Go(func() { results[i] = i * i })
	}
	wg.Wait()
	fmt.Println(results)
}
