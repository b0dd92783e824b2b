// Correct: WaitGroup.Go (Go 1.25) does the Add and the Done, so neither can
// be forgotten or misplaced; results go to distinct slice elements.
package main

import (
	"fmt"
	"sync"
)

func main() {
	words := []string{"gopher", "channel", "select"}
	lengths := make([]int, len(words))
	var wg sync.WaitGroup
	for i, w := range words {
		wg.Go(func() {
			lengths[i] = len(w)
		})
	}
	wg.Wait()
	fmt.Println(lengths)
}
