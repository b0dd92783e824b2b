// Selects on both ends of the same unbuffered channels: sender selects
// pair with receiver selects (and plain operations) across Ps; every value
// arrives exactly once, whichever case fires.
package main

import (
	"fmt"
	"sync"
)

func main() {
	a := make(chan int)
	b := make(chan int)
	c := make(chan int)
	const senders = 6
	const per = 600
	var wg sync.WaitGroup
	for s := 0; s < senders; s++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < per; i++ {
				v := s*per + i
				switch i % 3 {
				case 0:
					select {
					case a <- v:
					case b <- v:
					}
				case 1:
					select {
					case b <- v:
					case c <- v:
					}
				default:
					a <- v
				}
			}
		}()
	}
	done := make(chan struct{})
	go func() {
		wg.Wait()
		close(done)
	}()
	totals := make(chan [2]int)
	for r := 0; r < 4; r++ {
		go func() {
			n, sum := 0, 0
			for {
				select {
				case v := <-a:
					n, sum = n+1, sum+v
				case v := <-b:
					n, sum = n+1, sum+v
				case v := <-c:
					n, sum = n+1, sum+v
				case <-done:
					totals <- [2]int{n, sum}
					return
				}
			}
		}()
	}
	n, sum := 0, 0
	for r := 0; r < 4; r++ {
		t := <-totals
		n += t[0]
		sum += t[1]
	}
	want := senders * per
	fmt.Println("received", n, "of", want, "sum ok", sum == want*(want-1)/2)
}
