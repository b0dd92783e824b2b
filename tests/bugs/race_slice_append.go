// Bug: a slice appended concurrently. Every worker appends its result to the
// shared slice; append reads and writes the slice header, so results can be
// lost or overwritten.
// Shows in: every schedule as a data race on the slice variable.
package main

import (
	"fmt"
	"sync"
)

type Result struct {
	id    int
	value string
}

func main() {
	var results []Result
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results = append(results, Result{id: i, value: fmt.Sprint("r", i)})
		}()
	}
	wg.Wait()
	fmt.Println(len(results) <= 3)
}
