// Bug: a negative WaitGroup counter in a rare schedule. A task may be
// finished by its worker or by the canceller, whichever comes first; each
// checks t.finished under the lock, releases the lock, and then marks it and
// calls wg.Done in a second critical section. If both check before either
// marks, Done runs twice for one Add.
// Shows in: rare schedules (both checks before either mark):
// "panic: sync: negative WaitGroup counter".
package main

import (
	"fmt"
	"sync"
)

type Task struct {
	mu       sync.Mutex
	finished bool
}

func (t *Task) isFinished() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.finished
}

func (t *Task) finish(wg *sync.WaitGroup, by string) {
	if t.isFinished() { // check ...
		return
	}
	t.mu.Lock() // ... then act, in a separate critical section
	t.finished = true
	t.mu.Unlock()
	wg.Done()
	fmt.Println("finished by", by)
}

func main() {
	t := &Task{}
	var wg sync.WaitGroup  // counts the task
	var all sync.WaitGroup // lets both finishers end before main returns
	wg.Add(1)
	all.Add(2)
	for _, by := range []string{"worker", "canceller"} {
		go func() {
			defer all.Done()
			t.finish(&wg, by)
		}()
	}
	wg.Wait()
	all.Wait()
	fmt.Println("done")
}
