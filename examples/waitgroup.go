// sync.WaitGroup: wait for a group of goroutines to finish.
//
// A WaitGroup is a counter: Add(1) before each `go`, Done (Add(-1)) when a
// goroutine finishes, and Wait blocks until the counter is back to zero.
// Add must happen before the goroutine starts (see gotcha-wg-add-inside.go).
// The WaitGroup is passed by pointer: a copy would have its own counter,
// and Wait would never see the Done calls. Each goroutine writes only its
// own slot of the slice, and Wait returning guarantees main sees all
// writes.
//
// What to watch: main's lane blocked with "sync.WaitGroup.Wait" while the
// downloads sleep 10ms per letter of their name (20ms to 70ms). The
// earlier Done calls leave main asleep; it wakes at 70ms, when main.go's
// download brings the counter to zero.
package main

import (
	"fmt"
	"sync"
	"time"
)

func download(i int, name string, sizes []int, wg *sync.WaitGroup) {
	defer wg.Done()
	time.Sleep(time.Duration(len(name)*10) * time.Millisecond)
	sizes[i] = len(name) * 100
}

func main() {
	files := []string{"a.txt", "go.mod", "ab", "main.go"}
	sizes := make([]int, len(files))

	var wg sync.WaitGroup
	for i, name := range files {
		wg.Add(1)
		go download(i, name, sizes, &wg)
	}
	wg.Wait()

	for i, name := range files {
		fmt.Printf("%-8s %4d bytes\n", name, sizes[i])
	}
}
