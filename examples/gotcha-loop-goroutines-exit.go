// Gotcha: main returns before its goroutines finish.
//
// A Go program ends when main returns: it does not wait for other
// goroutines, and they are stopped wherever they are, without running
// their deferred calls. Here main starts three workers in a loop and
// returns right away, so none of their output ever appears. Nothing
// reports an error. The fix is to wait for them: a sync.WaitGroup
// (waitgroup.go) or one channel receive per worker.
//
// Expected: exits with status 0 and prints only "main: started 3
// workers, returning"; the "worker N done" lines never appear.
//
// What to watch: three worker lanes start and go to "sleep", then main's
// lane ends and every lane ends with it, still asleep. The virtual clock
// never reaches the 10ms at which the workers would have woken up.
package main

import (
	"fmt"
	"time"
)

func worker(id int) {
	time.Sleep(10 * time.Millisecond)
	fmt.Println("worker", id, "done")
}

func main() {
	for id := 1; id <= 3; id++ {
		go worker(id)
	}
	fmt.Println("main: started 3 workers, returning")
}
