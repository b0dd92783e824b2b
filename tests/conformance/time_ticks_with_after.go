package main

import (
	"fmt"
	"time"
)

func main() {
	for i := 1; i <= 3; i++ {
		<-time.After(20 * time.Millisecond)
		fmt.Println("tick", i)
	}
}
