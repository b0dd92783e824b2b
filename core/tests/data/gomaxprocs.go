package main

import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Println(runtime.GOMAXPROCS(0))
	fmt.Println(runtime.GOMAXPROCS(1))
	fmt.Println(runtime.GOMAXPROCS(0))
	done := make(chan bool)
	for i := 0; i < 3; i++ {
		go func() { fmt.Println("g", i); done <- true }()
	}
	for i := 0; i < 3; i++ {
		<-done
	}
	fmt.Println(runtime.GOMAXPROCS(8))
	fmt.Println(runtime.GOMAXPROCS(0))
}
