// Correct: the timeout fix. The result channel has room for the one answer,
// so a lookup that finishes after the caller gave up can still send and
// exit; main waits for it before returning.
package main

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

var lookups sync.WaitGroup

func query(key string, latency time.Duration) (string, error) {
	out := make(chan string, 1)
	lookups.Add(1)
	go func() {
		defer lookups.Done()
		time.Sleep(latency)
		out <- "value-of-" + key // never blocks
	}()
	select {
	case v := <-out:
		return v, nil
	case <-time.After(10 * time.Millisecond):
		return "", errors.New("timeout")
	}
}

func main() {
	fmt.Println(query("fast", time.Millisecond))
	fmt.Println(query("slow", 30*time.Millisecond))
	lookups.Wait()
	fmt.Println("all lookups finished")
}
