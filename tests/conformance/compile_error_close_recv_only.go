package main

func main() {
	c := make(chan int)
	var ch <-chan int = c
	close(ch)
}
