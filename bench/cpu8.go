// Eight independent CPU-bound goroutines (an LCG mixed with xorshift, on
// locals only), joined with a WaitGroup: the work parallel Ps can split.
// One op = one loop iteration of one goroutine; N iterations each.
package main

import (
	"fmt"
	"sync"
)

const N = 2000000

func spin(seed, n int) int {
	x := seed
	h := 0
	for i := 0; i < n; i++ {
		x = (x*6364136223846793005 + 1442695040888963407) & 0x7fffffffffffffff
		h ^= x >> 17
		h = (h << 5) ^ (h >> 3) ^ i
	}
	return h
}

func main() {
	var wg sync.WaitGroup
	results := make(chan int, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results <- spin(g+1, N)
		}()
	}
	wg.Wait()
	close(results)
	sum := 0
	for r := range results {
		sum ^= r
	}
	fmt.Println(sum)
}
