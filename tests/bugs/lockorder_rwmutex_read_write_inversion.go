// Bug: a lock-order inversion through RWMutex read locks. Router.Resolve
// read-locks the routing table and then locks the hit-counter mutex;
// Router.Reload locks the counters and then write-locks the table. A read
// lock still blocks a writer, so the two paths can deadlock when they
// overlap. Here Reload starts 5ms later and the run completes.
// Shows in: every schedule as a lock-order finding (table.RLock -> stats.Lock
// vs stats.Lock -> table.Lock); no deadlock on the virtual clock.
package main

import (
	"fmt"
	"sync"
	"time"
)

type Router struct {
	tableMu sync.RWMutex
	routes  map[string]string
	statsMu sync.Mutex
	hits    map[string]int
}

func (r *Router) Resolve(path string) string {
	r.tableMu.RLock()
	defer r.tableMu.RUnlock()
	r.statsMu.Lock()
	r.hits[path]++
	r.statsMu.Unlock()
	return r.routes[path]
}

func (r *Router) Reload(routes map[string]string) {
	r.statsMu.Lock()
	defer r.statsMu.Unlock()
	r.tableMu.Lock()
	r.routes = routes
	r.tableMu.Unlock()
	r.hits = map[string]int{}
}

func main() {
	r := &Router{routes: map[string]string{"/": "home"}, hits: map[string]int{}}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		fmt.Println("resolved", r.Resolve("/"))
	}()
	go func() {
		defer wg.Done()
		time.Sleep(5 * time.Millisecond)
		r.Reload(map[string]string{"/": "index"})
	}()
	wg.Wait()
	fmt.Println("now", r.Resolve("/"))
}
