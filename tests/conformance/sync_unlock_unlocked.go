package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	mu.Lock()
	mu.Unlock()
	fmt.Println("first unlock fine")
	defer fmt.Println("deferred does not run on fatal error")
	mu.Unlock()
}
