// Bug: a counter raced. Every request handler does hits++ on a shared
// variable without synchronisation; the read-modify-writes of different
// goroutines are unordered (and updates can be lost).
// Shows in: every schedule as a data race (no happens-before between the
// handlers' writes); a lost update needs a preemption inside hits++.
package main

import (
	"fmt"
	"sync"
)

func main() {
	hits := 0
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				hits++
			}
		}()
	}
	wg.Wait()
	fmt.Println("hits <= 200:", hits <= 200)
}
