package main

import (
	"fmt"
	"time"
)

func main() {
	fmt.Println("main starts")
	go func() {
		time.Sleep(20 * time.Millisecond)
		panic("background crash")
	}()
	time.Sleep(300 * time.Millisecond)
	fmt.Println("unreachable")
}
