// Bug: a shared error variable. Each task writes `firstErr` when it fails
// (a hand-made errgroup without a lock), so two failing tasks race on the
// variable and one error is silently lost.
// Shows in: every schedule as a data race on `firstErr` (tasks 2 and 3 both
// fail).
package main

import (
	"fmt"
	"sync"
)

func check(n int) error {
	if n%2 == 0 {
		return fmt.Errorf("task %d failed", n)
	}
	return nil
}

func main() {
	var firstErr error
	var wg sync.WaitGroup
	for n := 1; n <= 4; n++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := check(n); err != nil {
				firstErr = err // bug: unsynchronised
			}
		}()
	}
	wg.Wait()
	fmt.Println("failed:", firstErr != nil)
}
