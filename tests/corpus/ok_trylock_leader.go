// Correct pattern: only one of several replicas runs the periodic job, the
// others skip it thanks to Mutex.TryLock.
package main

import (
	"fmt"
	"sync"
	"time"
)

type Job struct {
	mu   sync.Mutex
	runs int
}

func (j *Job) TryRun(who int) bool {
	if !j.mu.TryLock() {
		return false
	}
	defer j.mu.Unlock()
	time.Sleep(250 * time.Millisecond)
	j.runs++
	return true
}

func main() {
	j := &Job{}
	var wg sync.WaitGroup
	ran := make([]bool, 3)
	for i := range ran {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Duration(i) * 50 * time.Millisecond)
			ran[i] = j.TryRun(i)
		}()
	}
	wg.Wait()
	fmt.Println(ran, "runs:", j.runs)
	fmt.Println("later:", j.TryRun(9), j.runs)
}
