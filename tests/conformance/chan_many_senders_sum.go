package main

import "fmt"

func main() {
	ch := make(chan int)
	for i := 1; i <= 20; i++ {
		go func() {
			ch <- i * i
		}()
	}
	sum := 0
	for i := 0; i < 20; i++ {
		sum += <-ch
	}
	fmt.Println(sum)
}
