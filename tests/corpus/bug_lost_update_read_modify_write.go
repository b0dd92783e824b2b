// Bug (etcd-style): read-modify-write of shared state without holding the
// lock across the whole operation. Both withdrawals read the same balance
// before either writes (channels force that interleaving); the later write
// wins and one update is lost.
package main

import (
	"fmt"
	"sync"
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

// Withdraw waits on rpcDone between its read and its write, standing in
// for a call to the fraud service.
func (w *Wallet) Withdraw(n int, read chan<- bool, rpcDone <-chan bool) {
	b := w.get()
	read <- true
	<-rpcDone
	w.set(b - n)
}

func main() {
	w := &Wallet{balance: 100}
	read := make(chan bool)
	rpc1, rpc2 := make(chan bool), make(chan bool)
	done1, done2 := make(chan bool), make(chan bool)
	go func() { w.Withdraw(30, read, rpc1); done1 <- true }()
	go func() { w.Withdraw(50, read, rpc2); done2 <- true }()
	<-read
	<-read
	rpc1 <- true
	<-done1
	rpc2 <- true
	<-done2
	fmt.Println("balance:", w.get(), "(want 20)")
}
