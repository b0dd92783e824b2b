// Bug: a captured loop variable raced. Go 1.22 gives each iteration its own
// loop variable, but `current` is declared outside the loop: every
// iteration assigns it and every goroutine reads the same variable, so the
// goroutines race with the loop's next assignment.
// Shows in: every schedule as a data race on `current`.
package main

import (
	"fmt"
	"strings"
	"sync"
)

func main() {
	jobs := []string{"build", "test", "deploy"}
	var current string
	var mu sync.Mutex
	var done []string
	var wg sync.WaitGroup
	for _, j := range jobs {
		current = j
		wg.Add(1)
		go func() {
			defer wg.Done()
			name := strings.ToUpper(current) // races with the next iteration's write
			mu.Lock()
			done = append(done, name)
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(len(done), "jobs ran")
}
