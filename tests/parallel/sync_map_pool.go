// sync.Map written and read from many goroutines (LoadOrStore races, Range
// at a quiet point) and a sync.Pool recycling buffers across goroutines.
package main

import (
	"fmt"
	"sync"
)

type buf struct{ data []int }

func main() {
	var m sync.Map
	var wg sync.WaitGroup
	var mu sync.Mutex
	winners := 0
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 100; k++ {
				_, loaded := m.LoadOrStore(k, g)
				if !loaded {
					mu.Lock()
					winners++
					mu.Unlock()
				}
				m.Store(1000+g*100+k, k)
			}
		}()
	}
	wg.Wait()
	count, sum := 0, 0
	m.Range(func(k, v any) bool {
		count++
		if k.(int) >= 1000 {
			sum += v.(int)
		}
		return true
	})
	fmt.Println("keys", count, "first-store winners", winners, "sum", sum)

	pool := sync.Pool{New: func() any { return &buf{data: make([]int, 0, 64)} }}
	results := make(chan int, 16)
	for g := 0; g < 16; g++ {
		go func() {
			total := 0
			for k := 0; k < 200; k++ {
				b := pool.Get().(*buf)
				b.data = b.data[:0]
				for i := 0; i < 10; i++ {
					b.data = append(b.data, g+k+i)
				}
				for _, v := range b.data {
					total += v
				}
				pool.Put(b)
			}
			results <- total
		}()
	}
	all := 0
	for g := 0; g < 16; g++ {
		all += <-results
	}
	fmt.Println("pool total", all)
}
