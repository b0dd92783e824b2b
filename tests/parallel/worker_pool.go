// A worker pool: jobs on a buffered channel, eight workers doing a bit of
// CPU work per job, results on another channel, collected into a slice by
// job id so the output does not depend on which worker did what.
package main

import (
	"fmt"
	"sync"
)

type result struct {
	id, value, worker int
}

func work(n int) int {
	h := n
	for i := 0; i < 50; i++ {
		h = (h*31 + i) % 1000003
	}
	return h
}

func main() {
	const jobs = 3000
	jobCh := make(chan int, 32)
	resCh := make(chan result, 32)
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobCh {
				resCh <- result{j, work(j), w}
			}
		}()
	}
	go func() {
		for j := 0; j < jobs; j++ {
			jobCh <- j
		}
		close(jobCh)
	}()
	go func() {
		wg.Wait()
		close(resCh)
	}()
	values := make([]int, jobs)
	seen := make([]bool, jobs)
	dups := 0
	perWorker := make([]int, 8)
	for r := range resCh {
		if seen[r.id] {
			dups++
		}
		seen[r.id] = true
		values[r.id] = r.value
		perWorker[r.worker]++
	}
	missing := 0
	check := 0
	for i, ok := range seen {
		if !ok {
			missing++
		}
		check = (check*7 + values[i]) % 1000000007
	}
	busy := 0
	for _, n := range perWorker {
		busy += n
	}
	fmt.Println("jobs", jobs, "missing", missing, "dups", dups, "done", busy)
	fmt.Println("checksum", check)
}
