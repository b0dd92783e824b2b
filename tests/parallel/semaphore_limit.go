// A buffered channel as a counting semaphore (capacity 3): 40 goroutines
// each enter the critical section many times; the number inside never
// exceeds the capacity.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	const limit = 3
	sem := make(chan struct{}, limit)
	var mu sync.Mutex
	inside, peak, entries := 0, 0, 0
	var wg sync.WaitGroup
	for g := 0; g < 40; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 60; i++ {
				sem <- struct{}{}
				mu.Lock()
				inside++
				entries++
				if inside > peak {
					peak = inside
				}
				mu.Unlock()
				if i%4 == 0 {
					runtime.Gosched()
				}
				mu.Lock()
				inside--
				mu.Unlock()
				<-sem
			}
		}()
	}
	wg.Wait()
	fmt.Println("entries", entries, "inside at end", inside, "peak within limit", peak <= limit && peak >= 1)
	fmt.Println("semaphore empty", len(sem) == 0)
}
