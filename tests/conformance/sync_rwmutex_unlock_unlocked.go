package main

import (
	"fmt"
	"sync"
)

func main() {
	var rw sync.RWMutex
	rw.Lock()
	rw.Unlock()
	fmt.Println("once is fine")
	defer fmt.Println("deferred calls do not run after a fatal error")
	rw.Unlock()
}
