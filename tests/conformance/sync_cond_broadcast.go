package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	ready := false
	var wg sync.WaitGroup
	woke := 0
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.L.Lock()
			for !ready {
				c.Wait()
			}
			woke++
			c.L.Unlock()
		}()
	}
	time.Sleep(10 * time.Millisecond)
	c.L.Lock()
	ready = true
	c.L.Unlock()
	c.Broadcast()
	wg.Wait()
	fmt.Println("woke", woke)
}
