// Bug (etcd-style): read-modify-write of shared state without holding the
// lock across the whole operation. Both withdrawals read the same balance;
// the later write wins and one update is lost. (Sleeps make the overlap
// certain.)
package main

import (
	"fmt"
	"sync"
	"time"
)

type Wallet struct {
	mu      sync.Mutex
	balance int
}

func (w *Wallet) get() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.balance
}

func (w *Wallet) set(v int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.balance = v
}

func (w *Wallet) Withdraw(n int, think time.Duration) {
	b := w.get()
	time.Sleep(think) // e.g. an RPC to the fraud service
	w.set(b - n)
}

func main() {
	w := &Wallet{balance: 100}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); w.Withdraw(30, 20*time.Millisecond) }()
	go func() { defer wg.Done(); w.Withdraw(50, 40*time.Millisecond) }()
	wg.Wait()
	fmt.Println("balance:", w.get(), "(want 20)")
}
