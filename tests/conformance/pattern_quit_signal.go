package main

import "fmt"

func counter(out chan<- int, quit <-chan bool) {
	i := 0
	for {
		select {
		case out <- i:
			i++
		case <-quit:
			fmt.Println("counter quitting")
			close(out)
			return
		}
	}
}

func main() {
	out := make(chan int)
	quit := make(chan bool)
	go counter(out, quit)
	for i := 0; i < 5; i++ {
		fmt.Println(<-out)
	}
	quit <- true
	_, ok := <-out
	fmt.Println("closed:", !ok)
}
