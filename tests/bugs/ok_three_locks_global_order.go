// Correct: three resources, every goroutine takes the two it needs in the
// global rank order, so the three-lock cycle cannot form.
package main

import (
	"fmt"
	"sync"
)

type Resource struct {
	mu   sync.Mutex
	rank int
	uses int
}

func useBoth(x, y *Resource) {
	if y.rank < x.rank {
		x, y = y, x
	}
	x.mu.Lock()
	y.mu.Lock()
	x.uses++
	y.uses++
	y.mu.Unlock()
	x.mu.Unlock()
}

func main() {
	r := []*Resource{{rank: 0}, {rank: 1}, {rank: 2}}
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			useBoth(r[i], r[(i+1)%3])
		}()
	}
	wg.Wait()
	fmt.Println(r[0].uses, r[1].uses, r[2].uses)
}
