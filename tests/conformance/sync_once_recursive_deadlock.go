package main

import (
	"fmt"
	"sync"
)

var once sync.Once

func setup() {
	fmt.Println("setup")
	once.Do(setup) // Do calls Do: deadlock
}

func main() {
	once.Do(setup)
	fmt.Println("unreachable")
}
