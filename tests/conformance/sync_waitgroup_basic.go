package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	results := make([]string, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = fmt.Sprintf("worker %d done", i)
		}()
	}
	wg.Wait()
	for _, r := range results {
		fmt.Println(r)
	}
	wg.Wait()
	fmt.Println("wait on zero counter returns immediately")
}
