// Many producers send distinct ints over one unbuffered channel to many
// consumers. Every message must be received exactly once: consumers keep a
// count, sum and xor per producer, and main merges them after all are done.
package main

import (
	"fmt"
	"sync"
)

const producers = 8
const consumers = 8
const perProducer = 1501

// Array lengths are literals: chanscope does not resolve a named constant
// as an array length in a package-level type yet (reported to the lead).
type tally struct {
	count [8]int
	sum   [8]int
	xor   [8]int
}

func main() {
	ch := make(chan int)
	var pwg sync.WaitGroup
	for p := 0; p < producers; p++ {
		pwg.Add(1)
		go func() {
			defer pwg.Done()
			for i := 0; i < perProducer; i++ {
				ch <- p*1000000 + i
			}
		}()
	}
	results := make(chan tally)
	for c := 0; c < consumers; c++ {
		go func() {
			var t tally
			for v := range ch {
				p := v / 1000000
				t.count[p]++
				t.sum[p] += v
				t.xor[p] ^= v
			}
			results <- t
		}()
	}
	pwg.Wait()
	close(ch)
	var total tally
	for c := 0; c < consumers; c++ {
		t := <-results
		for p := 0; p < producers; p++ {
			total.count[p] += t.count[p]
			total.sum[p] += t.sum[p]
			total.xor[p] ^= t.xor[p]
		}
	}
	for p := 0; p < producers; p++ {
		fmt.Println(p, total.count[p], total.sum[p], total.xor[p])
	}
}
