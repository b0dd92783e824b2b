// Fan-in through select over several producer channels that close at
// different times (nil-ing closed cases), then fan-out of the merged
// stream to workers that stop on a closed done channel.
package main

import (
	"fmt"
	"sync"
)

const sources = 5

func source(id, n int) <-chan int {
	ch := make(chan int, id%2)
	go func() {
		for i := 0; i < n; i++ {
			ch <- id*100000 + i
		}
		close(ch)
	}()
	return ch
}

func merge(cs []<-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		c0, c1, c2, c3, c4 := cs[0], cs[1], cs[2], cs[3], cs[4]
		open := len(cs)
		for open > 0 {
			select {
			case v, ok := <-c0:
				if !ok {
					c0 = nil
					open--
					continue
				}
				out <- v
			case v, ok := <-c1:
				if !ok {
					c1 = nil
					open--
					continue
				}
				out <- v
			case v, ok := <-c2:
				if !ok {
					c2 = nil
					open--
					continue
				}
				out <- v
			case v, ok := <-c3:
				if !ok {
					c3 = nil
					open--
					continue
				}
				out <- v
			case v, ok := <-c4:
				if !ok {
					c4 = nil
					open--
					continue
				}
				out <- v
			}
		}
	}()
	return out
}

func main() {
	var cs []<-chan int
	want := 0
	for id := 0; id < sources; id++ {
		n := 500 + id*300
		want += n
		cs = append(cs, source(id, n))
	}
	merged := merge(cs)
	done := make(chan struct{})
	results := make(chan [sources]int, 4)
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var per [sources]int
			for {
				select {
				case v, ok := <-merged:
					if !ok {
						results <- per
						<-done
						return
					}
					per[v/100000] += v%100000 + 1
				case <-done:
					results <- per
					return
				}
			}
		}()
	}
	var total [sources]int
	for w := 0; w < 4; w++ {
		per := <-results
		for i := range per {
			total[i] += per[i]
		}
	}
	close(done)
	wg.Wait()
	for id := 0; id < sources; id++ {
		n := 500 + id*300
		fmt.Println("source", id, total[id], n*(n+1)/2)
	}
}
