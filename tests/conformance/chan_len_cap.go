package main

import "fmt"

func main() {
	var nilch chan int
	fmt.Println(len(nilch), cap(nilch), nilch == nil)
	un := make(chan int)
	fmt.Println(len(un), cap(un))
	b := make(chan int, 3)
	fmt.Println(len(b), cap(b))
	b <- 1
	b <- 2
	fmt.Println(len(b), cap(b))
	<-b
	fmt.Println(len(b), cap(b))
	close(b)
	fmt.Println(len(b), cap(b))
	<-b
	fmt.Println(len(b), cap(b))
}
