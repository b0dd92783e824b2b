package main

import (
	"fmt"
	"sync"
)

func main() {
	var rw sync.RWMutex
	rw.RLock()
	rw.RUnlock()
	fmt.Println("once is fine")
	rw.RUnlock()
	fmt.Println("unreachable")
}
