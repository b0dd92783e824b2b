package main

import (
	"fmt"
	"sync"
)

type Job struct {
	mu   sync.Mutex
	runs int
}

// Run skips when another run is in progress.
func (j *Job) Run() bool {
	if !j.mu.TryLock() {
		return false
	}
	defer j.mu.Unlock()
	j.runs++
	return true
}

func main() {
	var mu sync.Mutex
	fmt.Println(mu.TryLock())
	fmt.Println(mu.TryLock())
	mu.Unlock()
	fmt.Println(mu.TryLock())
	j := &Job{}
	j.mu.Lock()
	fmt.Println(j.Run())
	j.mu.Unlock()
	fmt.Println(j.Run(), j.runs)
}
