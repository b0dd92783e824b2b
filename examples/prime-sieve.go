// Prime sieve: a chain of goroutines that grows as it runs.
//
// generate sends 2, 3, 4, ... Each time main receives a new number from
// the end of the chain, it is prime (nothing before it divided it), and
// main appends a new filter goroutine that drops that prime's multiples.
// After ten primes there are eleven goroutines besides main, each connected
// to the next by an unbuffered channel.
//
// What to watch: new lanes appearing one by one, and each number rippling
// down the chain as a run of arrows until some filter drops it or it
// reaches main. Most of the time most lanes are blocked on "chan receive"
// or "chan send": the program is all hand-offs. When main returns, the
// whole chain is still blocked and simply disappears.
package main

import "fmt"

func generate(out chan<- int) {
	for i := 2; ; i++ {
		out <- i
	}
}

// filter copies in to out, dropping multiples of prime.
func filter(in <-chan int, out chan<- int, prime int) {
	for n := range in {
		if n%prime != 0 {
			out <- n
		}
	}
}

func main() {
	ch := make(chan int)
	go generate(ch)
	for range 10 {
		prime := <-ch
		fmt.Println(prime)
		next := make(chan int)
		go filter(ch, next, prime)
		ch = next
	}
}
