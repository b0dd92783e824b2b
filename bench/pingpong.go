// Unbuffered ping-pong: two goroutines hand a value back and forth.
// One op = one round trip (two sends, two receives, two switches).
package main

import "fmt"

const N = 1000

func main() {
	ping := make(chan int)
	pong := make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	sum := 0
	for i := 0; i < N; i++ {
		ping <- i
		sum += <-pong
	}
	close(ping)
	fmt.Println(sum)
}
