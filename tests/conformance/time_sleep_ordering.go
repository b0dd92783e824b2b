package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	names := []string{"third", "first", "second"}
	delays := []int{60, 20, 40}
	for i := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Duration(delays[i]) * time.Millisecond)
			fmt.Println(names[i])
		}()
	}
	wg.Wait()
	fmt.Println("all woke up")
}
