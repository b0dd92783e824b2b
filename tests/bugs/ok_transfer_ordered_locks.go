// Correct: the AB-BA fix. transfer always locks the account with the smaller
// id first, whatever the direction, so concurrent opposite transfers cannot
// deadlock and the lock order is acyclic.
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

func transfer(from, to *Account, amount int) {
	first, second := from, to
	if to.id < from.id {
		first, second = to, from
	}
	first.mu.Lock()
	defer first.mu.Unlock()
	second.mu.Lock()
	defer second.mu.Unlock()
	from.balance -= amount
	to.balance += amount
}

func main() {
	a := &Account{id: 1, balance: 100}
	b := &Account{id: 2, balance: 100}
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(2)
		go func() { defer wg.Done(); transfer(a, b, 10) }()
		go func() { defer wg.Done(); transfer(b, a, 5) }()
	}
	wg.Wait()
	fmt.Println(a.balance, b.balance, a.balance+b.balance)
}
