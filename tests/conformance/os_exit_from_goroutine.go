package main

import (
	"fmt"
	"os"
)

func main() {
	done := make(chan bool)
	go func() {
		fmt.Println("worker exits the program")
		os.Exit(0)
	}()
	<-done
	fmt.Println("unreachable")
}
