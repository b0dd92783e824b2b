// Bug: the WaitGroup is passed by value, so workers call Done on their own
// copies and the original's counter never drops (go vet's copylocks warns;
// go build does not).
package main

import (
	"fmt"
	"sync"
)

func worker(id int, wg sync.WaitGroup, out chan<- int) {
	defer wg.Done()
	out <- id * id
}

func main() {
	var wg sync.WaitGroup
	out := make(chan int, 3)
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go worker(i, wg, out)
	}
	wg.Wait()
	close(out)
	sum := 0
	for v := range out {
		sum += v
	}
	fmt.Println(sum)
}
