package main

import "fmt"

type request struct {
	n     int
	reply chan int
}

func squarer(reqs <-chan request) {
	for r := range reqs {
		r.reply <- r.n * r.n
	}
}

func main() {
	reqs := make(chan request)
	go squarer(reqs)
	go squarer(reqs)
	total := 0
	for i := 1; i <= 5; i++ {
		r := request{i, make(chan int)}
		reqs <- r
		total += <-r.reply
	}
	close(reqs)
	fmt.Println(total)
}
