// Bug: AB-BA lock order between two types that does not deadlock in the
// default schedule. Inventory.Reserve locks the inventory and then the
// ledger (to record the reservation); Ledger.Reconcile locks the ledger and
// then the inventory (to read stock). The reconciler starts 5ms later and
// the reservation finishes long before, so the run completes; under load the
// two paths can interleave and deadlock. A lock-order checker must report
// the inversion (inventory.mu -> ledger.mu vs ledger.mu -> inventory.mu).
// Shows in: every schedule as a lock-order finding; no deadlock on the
// virtual clock (the reservation never takes 5ms).
package main

import (
	"fmt"
	"sync"
	"time"
)

type Inventory struct {
	mu     sync.Mutex
	stock  map[string]int
	ledger *Ledger
}

type Ledger struct {
	mu      sync.Mutex
	entries []string
	inv     *Inventory
}

func (inv *Inventory) Reserve(item string) bool {
	inv.mu.Lock()
	defer inv.mu.Unlock()
	if inv.stock[item] == 0 {
		return false
	}
	inv.stock[item]--
	inv.ledger.record("reserve " + item)
	return true
}

func (inv *Inventory) count(item string) int {
	inv.mu.Lock()
	defer inv.mu.Unlock()
	return inv.stock[item]
}

func (l *Ledger) record(e string) {
	l.mu.Lock()
	l.entries = append(l.entries, e)
	l.mu.Unlock()
}

func (l *Ledger) Reconcile(item string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	fmt.Println(len(l.entries), "entries,", l.inv.count(item), "left")
}

func main() {
	inv := &Inventory{stock: map[string]int{"lamp": 2}}
	l := &Ledger{inv: inv}
	inv.ledger = l
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		fmt.Println("reserved:", inv.Reserve("lamp"))
	}()
	go func() {
		defer wg.Done()
		time.Sleep(5 * time.Millisecond)
		l.Reconcile("lamp")
	}()
	wg.Wait()
}
