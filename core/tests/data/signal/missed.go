package main

import (
	"fmt"
	"os"
	"os/signal"
	"time"
)

func main() {
	c := make(chan os.Signal) // unbuffered: nobody receiving when it arrives
	signal.Notify(c, os.Interrupt)
	fmt.Println("start")
	time.Sleep(1500 * time.Millisecond)
	select {
	case s := <-c:
		fmt.Println("got", s)
	default:
		fmt.Println("missed")
	}
}
