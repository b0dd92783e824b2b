package main

import "fmt"

func main() {
	chans := make([]chan int, 3)
	for i := range chans {
		fmt.Println(i, chans[i] == nil)
	}
	for i := range chans {
		chans[i] = make(chan int, 1)
		chans[i] <- i + 1
	}
	total := 0
	for _, c := range chans {
		total += <-c
	}
	fmt.Println("total", total)
}
