package main

import "fmt"

func main() {
	panic(fmt.Errorf("wrapped: %d items failed", 2))
}
