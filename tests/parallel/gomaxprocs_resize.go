// runtime.GOMAXPROCS changed four times while eight senders stream into
// main: Ps are taken away and added (new Ms start) under traffic. Only
// the last setting is printed (the earlier ones depend on the starting
// GOMAXPROCS).
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	ch := make(chan int, 3)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 2000; i++ {
				ch <- g*2000 + i
			}
		}()
	}
	go func() {
		wg.Wait()
		close(ch)
	}()
	sum, n := 0, 0
	for v := range ch {
		sum += v
		n++
		switch n {
		case 1000:
			runtime.GOMAXPROCS(1)
		case 4000:
			runtime.GOMAXPROCS(8)
		case 9000:
			runtime.GOMAXPROCS(3)
		case 12000:
			runtime.GOMAXPROCS(6)
		}
	}
	fmt.Println(n, sum, runtime.GOMAXPROCS(0))
}
