// Bug: wg.Wait before draining an unbuffered results channel. Each worker
// sends its result and only then calls Done; main waits for all Done calls
// before it starts receiving, so every worker blocks on its send and main
// blocks in Wait.
// Shows in: every schedule, the default one included.
package main

import (
	"fmt"
	"sync"
)

func square(n int, results chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	results <- n * n
}

func main() {
	results := make(chan int)
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go square(i, results, &wg)
	}
	wg.Wait() // bug: nobody receives yet
	close(results)
	sum := 0
	for r := range results {
		sum += r
	}
	fmt.Println("sum", sum)
}
