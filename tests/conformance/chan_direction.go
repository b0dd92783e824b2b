package main

import "fmt"

func produce(out chan<- int, n int) {
	for i := 0; i < n; i++ {
		out <- i
	}
	close(out)
}

func consume(in <-chan int, done chan<- int) {
	total := 0
	for v := range in {
		total += v
	}
	done <- total
}

func main() {
	ch := make(chan int, 2)
	done := make(chan int)
	go produce(ch, 6)
	go consume(ch, done)
	fmt.Println("total", <-done)
	var ro <-chan int = ch
	fmt.Println(len(ro), cap(ro))
}
