// A ring of goroutines joined by channels of mixed capacities passes
// several tokens around many laps; each hop increments the token.
package main

import "fmt"

const ringSize = 24
const tokens = 4
const laps = 150

func main() {
	chans := make([]chan int, ringSize)
	for i := range chans {
		chans[i] = make(chan int, i%3)
	}
	done := make(chan int)
	for i := 0; i < ringSize; i++ {
		in := chans[i]
		out := chans[(i+1)%ringSize]
		last := i == ringSize-1
		go func() {
			for v := range in {
				v++
				if last && v >= laps*ringSize {
					done <- v
					continue
				}
				out <- v
			}
		}()
	}
	for t := 0; t < tokens; t++ {
		chans[0] <- 0
	}
	total := 0
	for t := 0; t < tokens; t++ {
		total += <-done
	}
	fmt.Println("tokens", tokens, "total hops", total)
}
