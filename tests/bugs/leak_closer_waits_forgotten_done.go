// Bug: the goroutine that closes the results channel waits on a WaitGroup
// whose Done is skipped on an error path. main reads the results it expects
// and returns, leaving the closer blocked in wg.Wait forever.
// Shows in: the default schedule: main returns while the closer goroutine is
// blocked on "sync.WaitGroup.Wait".
package main

import (
	"fmt"
	"strconv"
	"sync"
)

func main() {
	inputs := []string{"1", "x", "3"}
	results := make(chan int, len(inputs))
	var wg sync.WaitGroup
	for _, in := range inputs {
		wg.Add(1)
		go func() {
			n, err := strconv.Atoi(in)
			if err != nil {
				return // bug: no wg.Done()
			}
			results <- n
			wg.Done()
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	sum := 0
	for i := 0; i < 2; i++ {
		sum += <-results
	}
	fmt.Println("sum of valid inputs:", sum)
}
