// Thousands of contended Lock/Unlock calls, then the last holder forgets
// to unlock and both main and the remaining workers block on the Mutex.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	n := 0
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 400; i++ {
				mu.Lock()
				n++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println("n", n)
	mu.Lock()
	for g := 0; g < 4; g++ {
		go func() {
			mu.Lock()
			n++
			mu.Unlock()
		}()
	}
	mu.Lock()
	fmt.Println("unreachable", n)
}
