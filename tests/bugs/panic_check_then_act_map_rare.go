// Bug: check-then-act on a map under separate critical sections. Pool.Get
// looks the key up under the read lock and, on a miss, dials a connection
// and inserts it under the write lock, without re-checking. Two concurrent
// Gets for the same host can both miss and both dial; the second insert
// then overwrites the first connection, which the registry detects and
// panics about. In the default schedule the first Get finishes before the
// second looks.
// Shows in: rare schedules (both lookups before either insert):
// "panic: connection to db:5432 dialled twice". No data race: every map
// access holds the lock.
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
	p.dials++
	c = &Conn{host: host, id: p.dials}
	if old, dup := p.conns[host]; dup {
		panic(fmt.Sprintf("connection to %s dialled twice (%d and %d)", host, old.id, c.id))
	}
	p.conns[host] = c
	return c
}

func main() {
	p := &Pool{conns: map[string]*Conn{}}
	var wg sync.WaitGroup
	ids := make([]int, 2)
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ids[i] = p.Get("db:5432").id
		}()
	}
	wg.Wait()
	fmt.Println("same connection:", ids[0] == ids[1])
}
