package main

import (
	"fmt"
	"sync"
)

// Go 1.22 per-iteration loop variables captured by closures, method values
// and goroutines; defers in a loop.
type Task struct{ ID int }

func (t Task) Run() string  { return fmt.Sprint("task ", t.ID) }
func (t *Task) Ptr() string { return fmt.Sprint("ptr ", t.ID) }

func main() {
	var fs []func() string
	for _, t := range []Task{{1}, {2}, {3}} {
		fs = append(fs, t.Run, t.Ptr, func() string { return fmt.Sprint("closure ", t.ID) })
	}
	for _, f := range fs {
		fmt.Println(f())
	}
	results := make([]string, 3)
	var wg sync.WaitGroup
	for i := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = Task{i * 10}.Run()
		}()
	}
	wg.Wait()
	fmt.Println(results)
	func() {
		for i := 0; i < 3; i++ {
			defer func() { fmt.Print(i, " ") }()
		}
	}()
	fmt.Println()
}
