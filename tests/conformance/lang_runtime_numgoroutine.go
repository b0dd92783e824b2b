package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	fmt.Println(runtime.NumGoroutine())
	block := make(chan struct{})
	var started sync.WaitGroup
	var finished sync.WaitGroup
	for i := 0; i < 4; i++ {
		started.Add(1)
		finished.Add(1)
		go func() {
			defer finished.Done()
			started.Done()
			<-block
		}()
	}
	started.Wait()
	fmt.Println(runtime.NumGoroutine())
	close(block)
	finished.Wait()
	runtime.Gosched()
	fmt.Println("done")
}
