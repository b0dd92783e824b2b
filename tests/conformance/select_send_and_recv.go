package main

import "fmt"

func main() {
	in := make(chan int)
	out := make(chan int)
	go func() {
		for v := range out {
			in <- v * 2
		}
		close(in)
	}()
	pending := []int{1, 2, 3, 4}
	got := 0
	sum := 0
	for got < 4 {
		var send chan int
		next := 0
		if len(pending) > 0 {
			send = out
			next = pending[0]
		}
		select {
		case send <- next:
			pending = pending[1:]
		case v := <-in:
			sum += v
			got++
		}
	}
	close(out)
	fmt.Println("sum", sum)
}
