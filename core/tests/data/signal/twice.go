package main

import (
	"fmt"
	"os"
	"os/signal"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	fmt.Println("start")
	for i := 1; i <= 2; i++ {
		s := <-c
		fmt.Println(i, s)
	}
	signal.Stop(c)
	fmt.Println("stopped")
}
