// Bug: a pipeline whose consumer stops early, with no done channel. gen feeds
// sq, sq feeds main; main needs only the first two squares and returns, so
// sq blocks sending the third and gen blocks sending the fourth.
// Shows in: the default schedule: main returns with both stages blocked on
// "chan send".
package main

import "fmt"

func gen(nums ...int) <-chan int {
	out := make(chan int)
	go func() {
		for _, n := range nums {
			out <- n
		}
		close(out)
	}()
	return out
}

func sq(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		for n := range in {
			out <- n * n
		}
		close(out)
	}()
	return out
}

func main() {
	squares := sq(gen(1, 2, 3, 4, 5))
	fmt.Println(<-squares, <-squares)
	// bug: returns without draining or signalling the stages
}
