// Bug: AB-BA order hidden by sequential calls. main transfers from a to b,
// waits for it to finish, then from b to a; transfer locks the source then
// the destination. The two calls never overlap here so nothing blocks, but
// the same function called concurrently deadlocks. A lock-order checker must
// report the cycle a.mu -> b.mu -> a.mu.
// Shows in: every schedule as a lock-order finding; the deadlock itself is
// impossible in this program (the channel orders the calls).
package main

import (
	"fmt"
	"sync"
)

type Account struct {
	mu      sync.Mutex
	id      int
	balance int
}

func transfer(from, to *Account, amount int, done chan<- bool) {
	from.mu.Lock()
	to.mu.Lock()
	from.balance -= amount
	to.balance += amount
	to.mu.Unlock()
	from.mu.Unlock()
	done <- true
}

func main() {
	a := &Account{id: 1, balance: 100}
	b := &Account{id: 2, balance: 50}
	done := make(chan bool)
	go transfer(a, b, 30, done)
	<-done
	go transfer(b, a, 10, done)
	<-done
	fmt.Println(a.balance, b.balance)
}
