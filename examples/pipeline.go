// Pipeline: stages connected by channels.
//
// Each stage is a goroutine that receives from the previous stage and
// sends to the next: generate -> square -> main. Every stage owns its
// output channel, closes it when its input is exhausted, and returns it as
// a receive-only `<-chan int`, so the types show which way data flows and
// no later stage can send or close by mistake. Closing ripples down the
// pipeline and ends every range loop in turn.
//
// What to watch: three lanes passing values along like a bucket brigade:
// each arrow from generate to square is followed by one from square to
// main. Because the channels are unbuffered, no stage gets more than one
// value ahead. At the end, the closes travel from left to right.
package main

import "fmt"

func generate(nums ...int) <-chan int {
	out := make(chan int)
	go func() {
		for _, n := range nums {
			out <- n
		}
		close(out)
	}()
	return out
}

func square(in <-chan int) <-chan int {
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
	for v := range square(generate(1, 2, 3, 4, 5)) {
		fmt.Println(v)
	}

	// Stages compose: square twice gives fourth powers.
	total := 0
	for v := range square(square(generate(1, 2, 3))) {
		total += v
	}
	fmt.Println("sum of fourth powers:", total)
}
