// Correct: a channel of capacity 1 used as a mutex. By the buffered-channel
// rule the k-th receive happens before the (k+1)-th send completes, so each
// holder's writes are ordered before the next holder's reads.
package main

import (
	"fmt"
	"sync"
)

type Counter struct {
	sem chan bool
	n   map[string]int
}

func (c *Counter) Inc(k string) {
	c.sem <- true
	c.n[k]++
	<-c.sem
}

func main() {
	c := &Counter{sem: make(chan bool, 1), n: map[string]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Inc("jobs")
			c.Inc("jobs")
		}()
	}
	wg.Wait()
	fmt.Println("jobs", c.n["jobs"])
}
