package main

import (
	"fmt"
	"os"
	"os/signal"
	"time"
)

func main() {
	signal.Ignore(os.Interrupt)
	fmt.Println("start")
	time.Sleep(1500 * time.Millisecond)
	fmt.Println("survived")
}
