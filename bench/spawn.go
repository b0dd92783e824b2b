// Goroutine spawn and exit: each goroutine reports on a WaitGroup.
// One op = one goroutine created, run and finished.
package main

import (
	"fmt"
	"sync"
)

const N = 1000

func main() {
	var wg sync.WaitGroup
	total := 0
	var mu sync.Mutex
	for i := 0; i < N; i++ {
		wg.Add(1)
		go func() {
			mu.Lock()
			total++
			mu.Unlock()
			wg.Done()
		}()
	}
	wg.Wait()
	fmt.Println(total)
}
