// 64 goroutines increment Mutex-protected counters (a plain int, a map and
// a struct with a method) thousands of times; no update may be lost.
package main

import (
	"fmt"
	"sync"
)

type Counter struct {
	sync.Mutex
	n   int
	max int
}

func (c *Counter) Inc(v int) {
	c.Lock()
	c.n++
	if v > c.max {
		c.max = v
	}
	c.Unlock()
}

func main() {
	var mu sync.Mutex
	total := 0
	m := map[int]int{}
	c := &Counter{}
	var wg sync.WaitGroup
	for g := 0; g < 64; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 300; i++ {
				mu.Lock()
				total += i
				m[i%17]++
				mu.Unlock()
				c.Inc(g*1000 + i)
			}
		}()
	}
	wg.Wait()
	fmt.Println("total", total, "want", 64*299*300/2)
	keys := 0
	for k := 0; k < 17; k++ {
		keys += m[k]
	}
	fmt.Println("map", len(m), keys, m[0], m[16])
	fmt.Println("counter", c.n, c.max)
	fmt.Println("trylock", mu.TryLock(), mu.TryLock())
}
