// Bug: Unlock is deferred and also called by hand before an early return;
// the deferred Unlock finds the mutex unlocked: a fatal error in Go (not
// recoverable).
package main

import (
	"fmt"
	"sync"
)

type Account struct {
	mu      sync.Mutex
	balance int
}

func (a *Account) Withdraw(n int) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.balance < n {
		a.mu.Unlock()
		return false
	}
	a.balance -= n
	return true
}

func main() {
	defer func() {
		fmt.Println("recover cannot catch this:", recover())
	}()
	a := &Account{balance: 10}
	fmt.Println(a.Withdraw(3))
	fmt.Println(a.Withdraw(30))
}
