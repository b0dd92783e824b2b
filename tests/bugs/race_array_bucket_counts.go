// Bug: array elements raced. Workers count values into a fixed array of
// buckets indexed by value%4; two workers that see values in the same bucket
// increment the same element without synchronisation.
// Shows in: every schedule as a data race on buckets[1] and buckets[3].
package main

import (
	"fmt"
	"sync"
)

func main() {
	var buckets [4]int
	data := [][]int{{1, 5, 9}, {3, 7, 1}}
	var wg sync.WaitGroup
	for _, part := range data {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, v := range part {
				buckets[v%4]++
			}
		}()
	}
	wg.Wait()
	fmt.Println(buckets[0]+buckets[1]+buckets[2]+buckets[3] <= 6)
}
