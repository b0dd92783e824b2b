package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	count := 0
	inc := func() {
		mu.Lock()
		count++
		mu.Unlock()
	}
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			inc()
			inc()
		}()
	}
	wg.Wait()
	fmt.Println(count)
}
