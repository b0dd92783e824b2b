package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	seen := map[int]int{}
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 10; i++ {
				mu.Lock()
				seen[i%5]++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println(seen)
}
