package main

import (
	"fmt"
	"sync"
)

type Registry struct {
	sync.RWMutex
	names []string
}

func (r *Registry) Add(n string) {
	r.Lock()
	r.names = append(r.names, n)
	r.Unlock()
}

func (r *Registry) Len() int {
	r.RLock()
	defer r.RUnlock()
	return len(r.names)
}

func main() {
	r := &Registry{}
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			r.Add(fmt.Sprint("n", i))
		}(i)
	}
	wg.Wait()
	fmt.Println(r.Len())
}
