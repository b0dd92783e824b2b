// Bug: a channel semaphore with capacity 2 used as a mutex. Two holders can
// be inside the critical section at once, so the balance updates race. (Go's
// buffered-channel rule orders the k-th receive before the (k+2)-th send
// only.)
// Shows in: every schedule as a data race on Wallet.balance.
package main

import (
	"fmt"
	"sync"
)

type Wallet struct {
	sem     chan int
	balance int
}

func (w *Wallet) Deposit(n int) {
	w.sem <- 1
	w.balance += n
	<-w.sem
}

func main() {
	w := &Wallet{sem: make(chan int, 2)} // bug: should be 1
	var wg sync.WaitGroup
	for _, n := range []int{5, 7} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w.Deposit(n)
		}()
	}
	wg.Wait()
	fmt.Println("balance at most 12:", w.balance <= 12)
}
