// Correct: the check-then-act fix. Pool.Get re-checks the map after taking
// the write lock (the read-locked fast path may miss), so two concurrent
// misses dial only once.
package main

import (
	"fmt"
	"sync"
)

type Conn struct {
	host string
	id   int
}

type Pool struct {
	mu    sync.RWMutex
	conns map[string]*Conn
	dials int
}

func (p *Pool) Get(host string) *Conn {
	p.mu.RLock()
	c, ok := p.conns[host]
	p.mu.RUnlock()
	if ok {
		return c
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if c, ok := p.conns[host]; ok { // someone dialled meanwhile
		return c
	}
	p.dials++
	c = &Conn{host: host, id: p.dials}
	p.conns[host] = c
	return c
}

func main() {
	p := &Pool{conns: map[string]*Conn{}}
	var wg sync.WaitGroup
	ids := make([]int, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ids[i] = p.Get("db:5432").id
		}()
	}
	wg.Wait()
	fmt.Println("dials", p.dials, "same:", ids[0] == ids[1] && ids[1] == ids[2])
}
