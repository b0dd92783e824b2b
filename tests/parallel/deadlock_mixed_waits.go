// Traffic through a worker pool, then every goroutine parks in a different
// kind of wait at once (select over channels nobody uses, Cond.Wait with no
// signaller, RWMutex writer behind a reader that never unlocks, a timer
// that fired long ago) and main waits on a WaitGroup: a deadlock Go reports
// every time.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	jobs := make(chan int)
	results := make(chan int)
	for w := 0; w < 8; w++ {
		go func() {
			for j := range jobs {
				results <- j * j
			}
		}()
	}
	go func() {
		for i := 0; i < 2000; i++ {
			jobs <- i
		}
	}()
	sum := 0
	for i := 0; i < 2000; i++ {
		sum += <-results
	}
	fmt.Println("sum", sum)

	var wg sync.WaitGroup
	wg.Add(1)
	a, b := make(chan int), make(chan int)
	go func() {
		select {
		case <-a:
		case b <- 1:
		}
		wg.Done()
	}()
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	go func() {
		mu.Lock()
		cond.Wait()
		mu.Unlock()
	}()
	var rw sync.RWMutex
	rw.RLock()
	go func() {
		rw.Lock()
	}()
	t := time.NewTimer(time.Millisecond)
	<-t.C
	go func() {
		<-t.C
	}()
	wg.Wait()
}
