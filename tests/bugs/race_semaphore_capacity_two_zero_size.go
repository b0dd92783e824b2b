// Bug: a channel semaphore with capacity 2 used as a mutex. Two holders can
// be inside the critical section at once, so the balance updates race. (Go's
// buffered-channel rule orders the k-th receive before the (k+2)-th send
// only.)
// Shows in: every schedule as a data race on Wallet.balance.
// Go's -race misses this one: for channels of zero-size elements it merges
// every buffer slot into one sync object (runtime/chan.go racenotify), which
// orders all operations on the channel. The memory model does not.
package main

import (
	"fmt"
	"sync"
)

type Wallet struct {
	sem     chan struct{}
	balance int
}

func (w *Wallet) Deposit(n int) {
	w.sem <- struct{}{}
	w.balance += n
	<-w.sem
}

func main() {
	w := &Wallet{sem: make(chan struct{}, 2)} // bug: should be 1
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
