package main

import (
	"fmt"
	"sync"
)

func worker(id int, out []int, wg *sync.WaitGroup) {
	defer wg.Done()
	out[id] = id * 100
}

func main() {
	var wg sync.WaitGroup
	out := make([]int, 6)
	wg.Add(len(out))
	for i := range out {
		go worker(i, out, &wg)
	}
	wg.Wait()
	fmt.Println(out)
}
