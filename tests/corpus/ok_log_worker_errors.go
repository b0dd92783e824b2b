// Correct pattern: workers report failures through the standard logger
// (no timestamps, fixed prefix) while results are collected in order.
package main

import (
	"errors"
	"fmt"
	"log"
	"sync"
)

type Task struct {
	ID   int
	Fail bool
}

func run(t Task) (string, error) {
	if t.Fail {
		return "", errors.New("quota exceeded")
	}
	return fmt.Sprintf("task %d ok", t.ID), nil
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("[batch] ")
	tasks := []Task{{1, false}, {2, true}, {3, false}}
	results := make([]string, len(tasks))
	var wg sync.WaitGroup
	for i, t := range tasks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := run(t)
			if err != nil {
				results[i] = "failed: " + err.Error()
				return
			}
			results[i] = r
		}()
	}
	wg.Wait()
	for _, r := range results {
		fmt.Println(r)
	}
	log.Printf("%d of %d tasks failed", 1, len(tasks))
}
