// Gotcha: wg.Add inside the goroutine.
//
// Wait returns as soon as the counter is zero. If each goroutine calls
// wg.Add(1) itself, the counter only goes up once that goroutine has
// actually started running, and `go` does not wait for that: it just puts
// the new goroutine on a run queue. main usually reaches wg.Wait first,
// finds the counter still at zero and returns at once. Whether that
// happens depends on the schedule: with more than one P, an idle P may
// pick up a worker before main reaches Wait, and then Wait does wait (here,
// for all five, since they all Add long before the first Done after 10ms).
// The fix: call wg.Add(1) in main, before the `go` statement.
//
// Expected: exits with status 0; usually prints "finished before Wait
// returned: 0 of 5". Nondeterminism is the point here: under some
// schedules it prints "5 of 5" (about one run in four of real Go on two
// cores; with GOMAXPROCS=1 main reaches Wait first). Try --procs 1 and
// --procs 2 with several --seed values.
// `go vet` flags the bug: "WaitGroup.Add called from inside new goroutine".
//
// What to watch: main's "sync.WaitGroup.Wait" span is empty or ends early,
// while worker lanes are still waiting in the run queues or asleep; the
// program ends with those lanes cut off mid-work.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	finished := 0

	for range 5 {
		go func() {
			wg.Add(1) // BUG: too late, Wait may already have returned
			defer wg.Done()
			time.Sleep(10 * time.Millisecond)
			mu.Lock()
			finished++
			mu.Unlock()
		}()
	}
	wg.Wait()

	mu.Lock()
	fmt.Println("finished before Wait returned:", finished, "of 5")
	mu.Unlock()
}
