package main

import "fmt"

func player(name string, in <-chan int, out chan<- int, done chan<- bool) {
	for ball := range in {
		fmt.Println(name, ball)
		if ball >= 6 {
			done <- true
			return
		}
		out <- ball + 1
	}
}

func main() {
	ping := make(chan int)
	pong := make(chan int)
	done := make(chan bool)
	go player("ping", ping, pong, done)
	go player("pong", pong, ping, done)
	ping <- 1
	<-done
	fmt.Println("game over")
}
