// sync/atomic from 32 goroutines: Add, CompareAndSwap loops, typed atomics
// and a spin-free ticket counter; no increment may be lost.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var plain int64
	var typed atomic.Int64
	var casMax atomic.Int32
	var flags atomic.Uint32
	var wg sync.WaitGroup
	for g := 0; g < 32; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 400; i++ {
				atomic.AddInt64(&plain, 1)
				typed.Add(int64(i))
				v := int32(g*1000 + i)
				for {
					old := casMax.Load()
					if v <= old || casMax.CompareAndSwap(old, v) {
						break
					}
				}
			}
			for {
				old := flags.Load()
				if flags.CompareAndSwap(old, old|uint32(1)<<uint(g)) {
					break
				}
			}
		}()
	}
	wg.Wait()
	fmt.Println(atomic.LoadInt64(&plain), typed.Load(), casMax.Load(), flags.Load() == 1<<32-1)
}
