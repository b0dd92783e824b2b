// Bug: `defer mu.Unlock()` inside a loop only runs when the function
// returns, so the second iteration's Lock blocks on the first iteration's
// lock.
package main

import (
	"fmt"
	"sync"
)

type Index struct {
	mu   sync.Mutex
	keys map[string]int
}

func (ix *Index) AddAll(keys []string) {
	for _, k := range keys {
		ix.mu.Lock()
		defer ix.mu.Unlock()
		ix.keys[k]++
		fmt.Println("indexed", k)
	}
}

func main() {
	ix := &Index{keys: map[string]int{}}
	ix.AddAll([]string{"a", "b"})
	fmt.Println(len(ix.keys))
}
