// Sixteen producers, four consumers, a small buffered channel: the buffer
// fills and drains constantly, so senders and receivers park and wake a lot.
// Every message is received exactly once (count, sum, xor per producer).
package main

import (
	"fmt"
	"sync"
)

const producers = 16
const consumers = 4
const perProducer = 1000

func main() {
	ch := make(chan int, 7)
	for p := 0; p < producers; p++ {
		go func() {
			for i := 1; i <= perProducer; i++ {
				ch <- p<<20 | i
			}
		}()
	}
	var mu sync.Mutex
	count := make([]int, producers)
	sum := make([]int, producers)
	xor := make([]int, producers)
	var wg sync.WaitGroup
	per := producers * perProducer / consumers
	for c := 0; c < consumers; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lc := make([]int, producers)
			ls := make([]int, producers)
			lx := make([]int, producers)
			for k := 0; k < per; k++ {
				v := <-ch
				p := v >> 20
				lc[p]++
				ls[p] += v & (1<<20 - 1)
				lx[p] ^= v
			}
			mu.Lock()
			for p := range lc {
				count[p] += lc[p]
				sum[p] += ls[p]
				xor[p] ^= lx[p]
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("len after:", len(ch))
	for p := 0; p < producers; p++ {
		fmt.Println(p, count[p], sum[p], xor[p])
	}
}
