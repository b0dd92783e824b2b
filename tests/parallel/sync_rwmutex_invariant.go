// Writers move amounts between accounts under RWMutex.Lock; readers check
// under RLock that the total never changes. Any torn read is counted.
package main

import (
	"fmt"
	"sync"
)

const accounts = 10

type Bank struct {
	mu  sync.RWMutex
	bal [10]int // == accounts; a literal until chanscope resolves named lengths here
}

func (b *Bank) Move(from, to, amt int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.bal[from] -= amt
	b.bal[to] += amt
}

func (b *Bank) Total() int {
	b.mu.RLock()
	defer b.mu.RUnlock()
	t := 0
	for _, v := range b.bal {
		t += v
	}
	return t
}

func main() {
	b := &Bank{}
	for i := range b.bal {
		b.bal[i] = 1000
	}
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 400; i++ {
				b.Move((w+i)%accounts, (w*3+i*7+1)%accounts, i%13)
			}
		}()
	}
	var mu sync.Mutex
	bad, reads := 0, 0
	for r := 0; r < 16; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				t := b.Total()
				mu.Lock()
				reads++
				if t != accounts*1000 {
					bad++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println("reads", reads, "torn", bad, "total", b.Total())
	sum := 0
	for i, v := range b.bal {
		sum += v * (i + 1)
	}
	fmt.Println("weighted", sum)
}
