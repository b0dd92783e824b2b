package main

import "fmt"

func cleanup(name string) {
	fmt.Println("cleanup", name)
}

func work() {
	defer cleanup("work")
	defer fmt.Println("deferred print in work")
	var m map[int]int
	m[1] = 2
}

func main() {
	defer cleanup("main")
	work()
}
