// Bug: sync.Map does not protect the values it stores. Both goroutines Load
// the same *Counter from the sync.Map and increment its field directly;
// the map's own synchronisation only orders the Store before the Loads.
// Shows in: every schedule as a data race on Counter.n.
package main

import (
	"fmt"
	"sync"
)

type Counter struct {
	n int
}

func main() {
	var m sync.Map
	m.Store("requests", &Counter{})
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, _ := m.Load("requests")
			v.(*Counter).n++ // bug: unsynchronised field update
		}()
	}
	wg.Wait()
	v, _ := m.Load("requests")
	fmt.Println("requests <= 2:", v.(*Counter).n <= 2)
}
