// Heavy channel traffic, then a WaitGroup that was Added once too often:
// every worker finishes and exits, main waits forever. Go reports the
// deadlock every time (nothing else is left to run).
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	ch := make(chan int, 4)
	const workers = 16
	wg.Add(workers + 1)
	for w := 0; w < workers; w++ {
		go func() {
			defer wg.Done()
			for i := 0; i < 300; i++ {
				ch <- i
			}
		}()
	}
	sum := 0
	for i := 0; i < workers*300; i++ {
		sum += <-ch
	}
	fmt.Println("sum", sum)
	wg.Wait()
	fmt.Println("unreachable")
}
