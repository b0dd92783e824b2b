package main

import "fmt"

func server(reqs chan chan int) {
	n := 0
	for reply := range reqs {
		n++
		reply <- n * 100
	}
}

func main() {
	reqs := make(chan chan int)
	go server(reqs)
	for i := 0; i < 3; i++ {
		reply := make(chan int)
		reqs <- reply
		fmt.Println(<-reply)
	}
	close(reqs)
}
