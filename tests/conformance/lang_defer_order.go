package main

import "fmt"

func trace(name string) func() {
	fmt.Println("enter", name)
	return func() {
		fmt.Println("exit", name)
	}
}

func main() {
	defer fmt.Println("first deferred, runs last")
	defer trace("scope")()
	x := 1
	defer fmt.Println("x at defer time:", x)
	x = 2
	defer func() {
		fmt.Println("x in closure:", x)
	}()
	x = 3
	for i := 0; i < 3; i++ {
		defer fmt.Println("loop defer", i)
	}
	fmt.Println("body ends")
}
