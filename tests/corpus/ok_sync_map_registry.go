// Correct pattern: a service registry on sync.Map with LoadOrStore, so
// concurrent registrations of the same name keep the first one.
package main

import (
	"fmt"
	"sort"
	"sync"
)

type Endpoint struct {
	Addr string
}

type Registry struct {
	m sync.Map
}

func (r *Registry) Register(name string, ep *Endpoint) bool {
	_, loaded := r.m.LoadOrStore(name, ep)
	return !loaded
}

func (r *Registry) Names() []string {
	var names []string
	r.m.Range(func(k, v any) bool {
		names = append(names, k.(string)+"="+v.(*Endpoint).Addr)
		return true
	})
	sort.Strings(names)
	return names
}

func main() {
	r := &Registry{}
	var wg sync.WaitGroup
	wins := make(chan bool, 5)
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			wins <- r.Register("auth", &Endpoint{"10.0.0.1:443"})
		}()
	}
	wg.Wait()
	close(wins)
	n := 0
	for w := range wins {
		if w {
			n++
		}
	}
	fmt.Println("winners:", n)
	r.Register("billing", &Endpoint{"10.0.0.2:443"})
	fmt.Println(r.Names())
	if v, ok := r.m.Load("billing"); ok {
		fmt.Println(v.(*Endpoint).Addr)
	}
	r.m.Delete("auth")
	_, ok := r.m.Load("auth")
	fmt.Println(ok, r.Names())
}
