package main

import "fmt"

func main() {
	ch := make(chan int)
	go func() {
		for i := 1; i <= 10; i++ {
			ch <- i
		}
		close(ch)
	}()
	sum := 0
	n := 0
	for v := range ch {
		sum += v
		n++
	}
	fmt.Println("received", n, "sum", sum)
}
