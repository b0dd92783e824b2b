package main

import (
	"fmt"
	"sync"
	"time"
)

// The signal is sent before anyone waits and Wait is not guarded by a
// condition: the notification is lost and the waiter sleeps forever.
func main() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	done := make(chan bool)
	go func() {
		cond.Signal()
		fmt.Println("signalled")
		done <- true
	}()
	<-done
	time.Sleep(10 * time.Millisecond)
	mu.Lock()
	cond.Wait()
	mu.Unlock()
	fmt.Println("unreachable")
}
