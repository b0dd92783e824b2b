package main

import (
	"fmt"
	"time"
)

func main() {
	fmt.Println("hi")
}
