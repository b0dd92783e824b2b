// Bug (partial deadlock): two background goroutines take two locks in
// opposite orders and deadlock each other, but main is not involved, so Go
// reports no deadlock: main finishes and the two goroutines are stuck
// forever.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

type Account struct {
	mu      sync.Mutex
	name    string
	balance int
}

func transfer(from, to *Account, n int) {
	from.mu.Lock()
	defer from.mu.Unlock()
	time.Sleep(50 * time.Millisecond)
	to.mu.Lock()
	defer to.mu.Unlock()
	from.balance -= n
	to.balance += n
}

func main() {
	a := &Account{name: "a", balance: 100}
	b := &Account{name: "b", balance: 100}
	go transfer(a, b, 10)
	go transfer(b, a, 20)
	time.Sleep(250 * time.Millisecond)
	fmt.Println("a locked:", !a.mu.TryLock(), "b locked:", !b.mu.TryLock())
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
