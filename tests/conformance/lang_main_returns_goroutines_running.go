package main

import (
	"fmt"
	"time"
)

func main() {
	block := make(chan int)
	for i := 0; i < 3; i++ {
		go func() {
			<-block
			fmt.Println("never printed")
		}()
	}
	go func() {
		time.Sleep(10 * time.Second)
		fmt.Println("never printed either")
	}()
	fmt.Println("main returns")
}
