// Gotcha: a forgotten Unlock, and the next Lock waits forever.
//
// withdraw locks the account, but its early return for "insufficient
// funds" skips the Unlock. The mutex stays locked with nobody left to
// unlock it, so the next Lock blocks forever. A sync.Mutex is not tied to a
// goroutine and is not reentrant: even the goroutine that locked it blocks.
// When no goroutine can run, Go reports a deadlock. The fix: `defer
// mu.Unlock()` right after Lock, so every return path unlocks.
//
// Expected: prints "withdraw 30: ok, balance 70" and "withdraw 100:
// insufficient funds", then exits with status 2 and
// `fatal error: all goroutines are asleep - deadlock!`, with goroutine 1
// listed as [sync.Mutex.Lock].
//
// What to watch: the second withdraw ends while still holding the lock;
// the third call's lane blocks with wait reason "sync.Mutex.Lock" and
// never wakes, and the deadlock report follows.
package main

import (
	"fmt"
	"sync"
)

var (
	mu      sync.Mutex
	balance = 100
)

func withdraw(amount int) {
	mu.Lock()
	if balance < amount {
		fmt.Printf("withdraw %d: insufficient funds\n", amount)
		return // BUG: returns with mu still locked
	}
	balance -= amount
	fmt.Printf("withdraw %d: ok, balance %d\n", amount, balance)
	mu.Unlock()
}

func main() {
	withdraw(30)
	withdraw(100)
	withdraw(10) // blocks forever in mu.Lock
	fmt.Println("never printed")
}
