// Bug (gRPC-style): a reader holds an RLock and, through a helper, takes the
// RLock again. In between a writer calls Lock. Go's RWMutex blocks new
// readers once a writer is waiting, so the second RLock waits for the writer,
// which waits for the first RLock: deadlock.
package main

import (
	"fmt"
	"sync"
	"time"
)

type Balancer struct {
	mu    sync.RWMutex
	addrs []string
}

func (b *Balancer) size() int {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return len(b.addrs)
}

func (b *Balancer) Pick(i int) string {
	b.mu.RLock()
	defer b.mu.RUnlock()
	time.Sleep(100 * time.Millisecond) // a writer arrives meanwhile
	return b.addrs[i%b.size()]
}

func (b *Balancer) Update(addrs []string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.addrs = addrs
}

func main() {
	b := &Balancer{addrs: []string{"10.0.0.1", "10.0.0.2"}}
	fmt.Println("backends:", b.size())
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		fmt.Println("picked", b.Pick(3))
	}()
	go func() {
		defer wg.Done()
		time.Sleep(50 * time.Millisecond)
		fmt.Println("updating")
		b.Update([]string{"10.0.0.3"})
	}()
	wg.Wait()
}
