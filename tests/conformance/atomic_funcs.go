package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Stats struct {
	hits   int64
	misses uint32
}

func main() {
	var n int32
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			atomic.AddInt32(&n, 2)
		}()
	}
	wg.Wait()
	fmt.Println(atomic.LoadInt32(&n))
	s := &Stats{}
	atomic.AddInt64(&s.hits, 5)
	atomic.AddUint32(&s.misses, ^uint32(0)) // decrement: wraps
	fmt.Println(atomic.LoadInt64(&s.hits), atomic.LoadUint32(&s.misses))
	fmt.Println(atomic.CompareAndSwapInt64(&s.hits, 4, 1), atomic.CompareAndSwapInt64(&s.hits, 5, 1), s.hits)
	fmt.Println(atomic.SwapInt32(&n, 7), n)
	atomic.StoreInt32(&n, -3)
	fmt.Println(atomic.LoadInt32(&n))
	var max int32 = 2147483647
	fmt.Println(atomic.AddInt32(&max, 1))
	var u uint64
	fmt.Println(atomic.AddUint64(&u, ^uint64(0)))
	fmt.Println(atomic.OrInt32(&n, 4), atomic.AndInt32(&n, 6), n)
}
