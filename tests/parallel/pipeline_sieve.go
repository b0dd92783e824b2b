// The concurrent prime sieve: a daisy chain of filter goroutines, one per
// prime found, every number passing through unbuffered channels.
package main

import "fmt"

func generate(ch chan<- int) {
	for i := 2; ; i++ {
		ch <- i
	}
}

func filter(in <-chan int, out chan<- int, prime int) {
	for {
		i := <-in
		if i%prime != 0 {
			out <- i
		}
	}
}

func main() {
	ch := make(chan int)
	go generate(ch)
	sum := 0
	last := 0
	for i := 0; i < 250; i++ {
		prime := <-ch
		sum += prime
		last = prime
		if i < 10 {
			fmt.Print(prime, " ")
		}
		ch1 := make(chan int)
		go filter(ch, ch1, prime)
		ch = ch1
	}
	fmt.Println()
	fmt.Println("250th prime", last, "sum", sum)
}
