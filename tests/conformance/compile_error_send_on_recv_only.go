package main

func main() {
	c := make(chan int, 1)
	var ch <-chan int = c
	ch <- 1
}
