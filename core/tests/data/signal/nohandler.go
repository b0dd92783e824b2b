package main

import (
	"fmt"
	"time"
)

func main() {
	defer fmt.Println("deferred calls do not run")
	fmt.Println("start")
	time.Sleep(3 * time.Second)
	fmt.Println("never")
}
