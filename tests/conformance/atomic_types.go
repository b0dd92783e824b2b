package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Server struct {
	requests atomic.Int64
	errors   atomic.Uint32
	closed   atomic.Bool
	name     atomic.Value
}

type Worker struct {
	atomic.Int32
	id int
}

func main() {
	srv := &Server{}
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			srv.requests.Add(1)
			if srv.requests.Load()%2 == 0 {
				srv.errors.Add(1)
			}
		}()
	}
	wg.Wait()
	fmt.Println(srv.requests.Load(), srv.errors.Load() > 0)
	fmt.Println(srv.closed.Load(), srv.closed.CompareAndSwap(false, true), srv.closed.CompareAndSwap(false, true), srv.closed.Swap(false))
	fmt.Println(srv.name.Load())
	srv.name.Store("api")
	fmt.Println(srv.name.Load(), srv.name.Swap("web"), srv.name.CompareAndSwap("web", "db"), srv.name.Load())
	w := Worker{id: 1}
	w.Add(3)
	w.Store(w.Load() * 2)
	fmt.Println(w.Load(), w.CompareAndSwap(6, 1), w.Swap(9), w.Load())
	var u atomic.Uint64
	u.Add(^uint64(0))
	fmt.Println(u.Load())
}
