package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	log := []string{}
	mu.Lock()
	done := make(chan bool)
	go func() {
		mu.Lock()
		log = append(log, "goroutine got lock")
		mu.Unlock()
		done <- true
	}()
	log = append(log, "main releases")
	mu.Unlock()
	<-done
	fmt.Println(log)
}
