// Correct pattern: request statistics updated lock-free with sync/atomic
// (typed values and functions) from many goroutines.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Stats struct {
	requests atomic.Int64
	errors   atomic.Int32
	bytes    int64
	ready    atomic.Bool
}

func (s *Stats) Record(n int, failed bool) {
	s.requests.Add(1)
	atomic.AddInt64(&s.bytes, int64(n))
	if failed {
		s.errors.Add(1)
	}
}

func main() {
	s := &Stats{}
	var wg sync.WaitGroup
	for i := 0; i < 40; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.Record(i, i%10 == 0)
		}()
	}
	wg.Wait()
	s.ready.Store(true)
	fmt.Println(s.requests.Load(), s.errors.Load(), atomic.LoadInt64(&s.bytes), s.ready.Load())
	var flag int32
	fmt.Println(atomic.CompareAndSwapInt32(&flag, 0, 1), atomic.CompareAndSwapInt32(&flag, 0, 1), flag)
	fmt.Println(s.requests.Swap(0), s.requests.Load())
}
