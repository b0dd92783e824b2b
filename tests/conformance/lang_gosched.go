package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for i := 1; i <= 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 10; j++ {
				mu.Lock()
				total += i
				mu.Unlock()
				runtime.Gosched()
			}
		}()
	}
	wg.Wait()
	fmt.Println(total)
}
