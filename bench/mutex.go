// Contended sync.Mutex: 4 goroutines increment a shared counter.
// One op = one Lock/Unlock pair.
package main

import (
	"fmt"
	"sync"
)

const N = 1000

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	counter := 0
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < N/4; i++ {
				mu.Lock()
				counter++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println(counter)
}
