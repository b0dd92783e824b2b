// Correct: results collected through a channel instead of a shared slice.
// Workers send; only main appends.
package main

import (
	"fmt"
	"sort"
)

func main() {
	inputs := []int{3, 1, 4, 1, 5}
	results := make(chan int)
	for _, n := range inputs {
		go func() { results <- n * 10 }()
	}
	var out []int
	for range inputs {
		out = append(out, <-results)
	}
	sort.Ints(out)
	fmt.Println(out)
}
