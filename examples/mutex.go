// sync.Mutex: a counter shared by five goroutines.
//
// `counter++` is a read, an add and a write. If two goroutines interleave
// between the read and the write, one increment is lost. A Mutex makes the
// three steps a critical section that only one goroutine at a time can be
// in. To make the danger concrete, each increment yields the processor
// (runtime.Gosched) between reading and writing: without the lock, almost
// every increment would be lost; with it, the total is always 5 x 100.
//
// What to watch: while one lane holds the lock, the others pile up blocked
// with wait reason "sync.Mutex.Lock", even though the holder itself keeps
// giving up its P. Each Unlock hands the lock to one waiter. Try deleting
// the Lock/Unlock lines: the program still runs, but the total drops.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var (
		counter int
		mu      sync.Mutex
		wg      sync.WaitGroup
	)
	for range 5 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 100 {
				mu.Lock()
				v := counter
				runtime.Gosched() // another goroutine gets to run right here
				counter = v + 1
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println("counter =", counter)
}
