// Sixteen independent ping-pong pairs over unbuffered channels: every P
// has goroutines handing values back and forth at the same time.
package main

import (
	"fmt"
	"sync"
)

const pairs = 16
const rounds = 1500

func main() {
	var wg sync.WaitGroup
	sums := make([]int, pairs)
	for p := 0; p < pairs; p++ {
		ping := make(chan int)
		pong := make(chan int)
		go func() {
			for v := range ping {
				pong <- v*2 + 1
			}
			close(pong)
		}()
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := 0
			for i := 0; i < rounds; i++ {
				ping <- i + p
				s += <-pong
			}
			close(ping)
			_, ok := <-pong
			if ok {
				s = -1
			}
			sums[p] = s
		}()
	}
	wg.Wait()
	total := 0
	for p, s := range sums {
		if p%5 == 0 {
			fmt.Println("pair", p, s)
		}
		total += s
	}
	fmt.Println("total", total)
}
