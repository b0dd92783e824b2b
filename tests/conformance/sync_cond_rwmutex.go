package main

import (
	"fmt"
	"sync"
)

func main() {
	var rw sync.RWMutex
	c := sync.NewCond(&rw)
	rc := sync.NewCond(rw.RLocker())
	n := 0
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		rw.Lock()
		for n < 3 {
			c.Wait()
		}
		fmt.Println("writer saw", n)
		rw.Unlock()
	}()
	go func() {
		defer wg.Done()
		rc.L.Lock()
		for n < 3 {
			rc.Wait()
		}
		rc.L.Unlock()
	}()
	for i := 0; i < 3; i++ {
		rw.Lock()
		n++
		rw.Unlock()
		c.Broadcast()
		rc.Broadcast()
	}
	wg.Wait()
	fmt.Println("done", n)
}
