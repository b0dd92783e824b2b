// Correct: two goroutines hand a ball back and forth over unbuffered
// channels; each hit is ordered by the handoff, and the last receiver
// closes nothing it does not own.
package main

import "fmt"

type Ball struct {
	hits int
}

func player(name string, in <-chan *Ball, out chan<- *Ball, rounds int, done chan<- string) {
	for i := 0; i < rounds; i++ {
		b := <-in
		b.hits++
		out <- b
	}
	done <- name
}

func main() {
	ping, pong := make(chan *Ball), make(chan *Ball)
	done := make(chan string)
	go player("ping", ping, pong, 3, done)
	go player("pong", pong, ping, 3, done)
	ping <- &Ball{}
	// ping's third send goes to pong; pong's third send comes back here.
	first := <-done
	b := <-ping
	second := <-done
	fmt.Println(first != second, "hits", b.hits)
}
