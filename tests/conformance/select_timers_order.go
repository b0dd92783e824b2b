package main

import (
	"fmt"
	"time"
)

func main() {
	slow := time.After(80 * time.Millisecond)
	fast := time.After(20 * time.Millisecond)
	for i := 0; i < 2; i++ {
		select {
		case <-slow:
			fmt.Println("slow")
		case <-fast:
			fmt.Println("fast")
		}
	}
}
