// Four independent producer/consumer pairs, each on its own buffered
// channel: traffic parallel Ps can split, since Go locks each channel on
// its own (hchan.lock). One op = one value through one channel; N values
// per pair.
package main

import (
	"fmt"
	"sync"
)

const N = 1000000

func main() {
	var wg sync.WaitGroup
	sums := make([]int, 4)
	for k := 0; k < 4; k++ {
		c := make(chan int, 128)
		wg.Add(2)
		go func() {
			defer wg.Done()
			for i := 0; i < N; i++ {
				c <- i
			}
			close(c)
		}()
		go func(k int) {
			defer wg.Done()
			s := 0
			for v := range c {
				s += v
			}
			sums[k] = s
		}(k)
	}
	wg.Wait()
	fmt.Println(sums)
}
