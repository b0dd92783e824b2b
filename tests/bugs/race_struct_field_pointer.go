// Bug: struct fields raced through a pointer. Each connection goroutine gets
// a *ConnStats and updates BytesIn under the struct's mutex but Errors
// without it, while the monitor reads Errors under the mutex: the Errors
// write is unordered with the other goroutines' accesses.
// Shows in: every schedule as a data race on the Errors field.
package main

import (
	"fmt"
	"sync"
)

type ConnStats struct {
	mu      sync.Mutex
	BytesIn int
	Errors  int
}

func serve(id int, st *ConnStats, wg *sync.WaitGroup) {
	defer wg.Done()
	st.mu.Lock()
	st.BytesIn += 100 * id
	st.mu.Unlock()
	if id%2 == 0 {
		st.Errors++ // bug: outside the lock
	}
}

func main() {
	st := &ConnStats{}
	var wg sync.WaitGroup
	for id := 1; id <= 4; id++ {
		wg.Add(1)
		go serve(id, st, &wg)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		st.mu.Lock()
		fmt.Println("errors so far <= 2:", st.Errors <= 2)
		st.mu.Unlock()
	}()
	wg.Wait()
	fmt.Println("bytes", st.BytesIn)
}
