// Correct: a pipeline with a done channel. The consumer stops early and
// closes done; every stage selects on done when sending, so all stages exit,
// and main waits for them.
package main

import (
	"fmt"
	"sync"
)

func gen(done <-chan struct{}, wg *sync.WaitGroup, nums ...int) <-chan int {
	out := make(chan int)
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(out)
		for _, n := range nums {
			select {
			case out <- n:
			case <-done:
				return
			}
		}
	}()
	return out
}

func sq(done <-chan struct{}, wg *sync.WaitGroup, in <-chan int) <-chan int {
	out := make(chan int)
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(out)
		for n := range in {
			select {
			case out <- n * n:
			case <-done:
				return
			}
		}
	}()
	return out
}

func main() {
	done := make(chan struct{})
	var wg sync.WaitGroup
	squares := sq(done, &wg, gen(done, &wg, 1, 2, 3, 4, 5))
	fmt.Println(<-squares, <-squares)
	close(done)
	wg.Wait()
	fmt.Println("pipeline stopped")
}
