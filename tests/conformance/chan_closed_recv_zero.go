package main

import "fmt"

func main() {
	ch := make(chan int, 2)
	ch <- 7
	ch <- 8
	close(ch)
	for i := 0; i < 4; i++ {
		v, ok := <-ch
		fmt.Println(v, ok)
	}
	s := make(chan string)
	close(s)
	str, ok := <-s
	fmt.Printf("%q %v\n", str, ok)
	type pair struct {
		A int
		B string
	}
	p := make(chan pair, 1)
	close(p)
	fmt.Printf("%+v\n", <-p)
}
