// os.Exit from one goroutine while others spin on other Ps and others are
// blocked: the process ends at once with the given status.
package main

import (
	"fmt"
	"os"
	"sync"
)

func spin(seed int) int {
	x := seed
	for i := 0; ; i++ {
		x = (x*1103515245 + 12345) & 0x7fffffff
		if x == -1 {
			return i
		}
	}
}

func main() {
	var mu sync.Mutex
	mu.Lock()
	for g := 0; g < 6; g++ {
		go spin(g)
	}
	for g := 0; g < 6; g++ {
		go func() {
			mu.Lock()
			fmt.Println("never")
		}()
	}
	ready := make(chan int)
	go func() {
		sum := 0
		for i := 0; i < 100000; i++ {
			sum += i % 7
		}
		ready <- sum
	}()
	fmt.Println("sum", <-ready)
	done := make(chan bool)
	go func() {
		os.Exit(3)
		done <- true
	}()
	<-done
	fmt.Println("unreachable")
}
