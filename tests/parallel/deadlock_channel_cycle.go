// A ring of goroutines passes a token many times, then every goroutine
// (main included) waits to receive from its neighbour at once: a cycle in
// which nobody sends. Go reports the deadlock every time.
package main

import "fmt"

const ringSize = 12

func main() {
	chans := make([]chan int, ringSize)
	for i := range chans {
		chans[i] = make(chan int)
	}
	for i := 1; i < ringSize; i++ {
		in, out := chans[i], chans[(i+1)%ringSize]
		go func() {
			for {
				v := <-in
				if v < 0 {
					// Stop forwarding; wait on the previous link forever.
					<-chans[i-1]
				}
				out <- v + 1
			}
		}()
	}
	v := 0
	for lap := 0; lap < 400; lap++ {
		chans[1] <- v
		v = <-chans[0]
	}
	fmt.Println("after laps", v)
	for i := 1; i < ringSize; i++ {
		chans[i] <- -1
	}
	<-chans[ringSize-1]
	fmt.Println("unreachable")
}
