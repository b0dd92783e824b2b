package main

import (
	"fmt"
	"sync"
	"time"
)

// A pending Lock blocks new RLocks: the late reader runs after the writer.
func main() {
	var rw sync.RWMutex
	var wg sync.WaitGroup
	rw.RLock()
	wg.Add(2)
	go func() {
		defer wg.Done()
		rw.Lock()
		fmt.Println("writer")
		rw.Unlock()
	}()
	time.Sleep(10 * time.Millisecond)
	go func() {
		defer wg.Done()
		rw.RLock()
		fmt.Println("late reader")
		rw.RUnlock()
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("first reader done")
	rw.RUnlock()
	wg.Wait()
}
