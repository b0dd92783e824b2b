package main

import (
	"fmt"
	"os"
	"os/signal"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c)
	fmt.Println("start")
	s := <-c
	defer fmt.Println("not printed")
	fmt.Println("got", s)
	os.Exit(4)
}
