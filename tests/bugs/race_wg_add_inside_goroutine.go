// Bug: wg.Add inside the goroutine races with wg.Wait. The goroutines have not
// run Add yet when main calls Wait, so Wait can return at once; main then
// reads `total` while the uploads still write it.
// Shows in: the default schedule: Wait returns before any upload has
// started, and the uploads' writes race with main's read (main waits a
// little afterwards so that they do run).
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for _, size := range []int{10, 20, 30} {
		go func() {
			wg.Add(1) // bug: must happen before `go`
			defer wg.Done()
			mu.Lock()
			total += size
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("uploaded at most 60:", total <= 60) // unsynchronised read
	time.Sleep(10 * time.Millisecond)
}
