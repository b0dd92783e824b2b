package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	data := make([]int, 4)
	for phase := 1; phase <= 3; phase++ {
		for i := range data {
			wg.Add(1)
			go func() {
				defer wg.Done()
				data[i] += phase * (i + 1)
			}()
		}
		wg.Wait()
		fmt.Println("after phase", phase, data)
	}
}
