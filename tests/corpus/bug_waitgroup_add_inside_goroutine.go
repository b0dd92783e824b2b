// Bug: wg.Add is called inside the goroutine instead of before starting it.
// Wait can run before any Add and returns at once, so the results are read
// before the workers ran. (Each worker does setup work before its Add, so
// the wrong order is the only one.)
package main

import (
	"fmt"
	"sync"
	"time"
)

type Batch struct {
	mu   sync.Mutex
	wg   sync.WaitGroup
	done []int
}

func (b *Batch) process(id int) {
	time.Sleep(50 * time.Millisecond) // setup
	b.wg.Add(1)
	defer b.wg.Done()
	b.mu.Lock()
	b.done = append(b.done, id)
	b.mu.Unlock()
}

func main() {
	b := &Batch{}
	for i := 0; i < 3; i++ {
		go b.process(i)
	}
	b.wg.Wait()
	b.mu.Lock()
	fmt.Println("processed after Wait:", len(b.done))
	b.mu.Unlock()
	time.Sleep(250 * time.Millisecond)
	b.mu.Lock()
	fmt.Println("processed later:", len(b.done))
	b.mu.Unlock()
}
