// Bug: a map raced. Two goroutines record visits into the same map without a
// lock. Go's race detector reports it; when the writes collide the runtime
// may also stop with "fatal error: concurrent map writes".
// Shows in: every schedule as a data race on the map.
package main

import (
	"fmt"
	"sync"
)

func main() {
	visits := map[string]int{}
	pages := []string{"/", "/about", "/", "/login"}
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, p := range pages {
				visits[p]++
			}
		}()
	}
	wg.Wait()
	fmt.Println(len(visits), "pages")
}
