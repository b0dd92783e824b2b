// Non-blocking sends with select/default, retried with runtime.Gosched
// until they succeed, against receivers that try a non-blocking receive
// before parking in a select: heavy polling traffic on two channels.
// Totals do not depend on how often a try failed.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

const senders = 6
const perSender = 800

func main() {
	a := make(chan int)
	b := make(chan int, 2)
	var swg sync.WaitGroup
	for s := 0; s < senders; s++ {
		swg.Add(1)
		go func() {
			defer swg.Done()
			for i := 0; i < perSender; i++ {
				v := s*perSender + i
				for {
					sent := false
					select {
					case a <- v:
						sent = true
					case b <- v:
						sent = true
					default:
					}
					if sent {
						break
					}
					runtime.Gosched()
				}
			}
		}()
	}
	var rwg sync.WaitGroup
	var mu sync.Mutex
	got, sum := 0, 0
	stop := make(chan struct{})
	for r := 0; r < 3; r++ {
		rwg.Add(1)
		go func() {
			defer rwg.Done()
			n, s := 0, 0
			for {
				// Try without blocking first, then park. Receivers that
				// only polled would leave progress to the OS scheduler when
				// Ps outnumber cores (see README.md).
				select {
				case v := <-a:
					n++
					s += v
					continue
				case v := <-b:
					n++
					s += v
					continue
				default:
				}
				select {
				case v := <-a:
					n++
					s += v
					continue
				case v := <-b:
					n++
					s += v
					continue
				case <-stop:
				}
				// Drain what is left in the buffer after senders finished.
				for {
					select {
					case v := <-b:
						n++
						s += v
						continue
					default:
					}
					break
				}
				mu.Lock()
				got += n
				sum += s
				mu.Unlock()
				return
			}
		}()
	}
	swg.Wait()
	close(stop)
	rwg.Wait()
	want := senders * perSender
	fmt.Println("received", got, "of", want)
	fmt.Println("sum", sum, "want", want*(want-1)/2)
}
