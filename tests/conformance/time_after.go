package main

import (
	"fmt"
	"time"
)

func main() {
	fmt.Println("waiting")
	<-time.After(30 * time.Millisecond)
	fmt.Println("done")
	t := time.After(0)
	<-t
	fmt.Println("zero timer fired")
}
