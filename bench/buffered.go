// Buffered producer/consumer through a channel of capacity 128.
// One op = one value produced and consumed.
package main

import "fmt"

const N = 1000

func main() {
	ch := make(chan int, 128)
	done := make(chan int)
	go func() {
		sum := 0
		for v := range ch {
			sum += v
		}
		done <- sum
	}()
	for i := 0; i < N; i++ {
		ch <- i
	}
	close(ch)
	fmt.Println(<-done)
}
