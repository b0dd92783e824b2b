// Worker pool: a fixed number of goroutines share a queue of jobs.
//
// Three workers range over the same jobs channel; each job goes to exactly
// one of them, whichever is free. Results come back on a second channel,
// tagged with their job number so main can put them in order: which worker
// handles which job depends on the schedule, so the program does not print
// that. Closing jobs is how main says "no more work"; each worker's range
// loop then ends.
//
// What to watch: the `jobs` buffer filling up at once, then emptying as
// three lanes take turns receiving from it. Idle workers block with "chan
// receive" on jobs; try `--procs 1` and `--procs 3` and compare how many
// lanes run at the same moment on the Ps.
package main

import (
	"fmt"
	"time"
)

type result struct {
	job, value int
}

func worker(jobs <-chan int, results chan<- result) {
	for j := range jobs {
		time.Sleep(10 * time.Millisecond) // the work
		results <- result{job: j, value: j * j}
	}
}

func main() {
	const numJobs, numWorkers = 9, 3
	jobs := make(chan int, numJobs)
	results := make(chan result, numJobs)

	for range numWorkers {
		go worker(jobs, results)
	}
	for j := 1; j <= numJobs; j++ {
		jobs <- j
	}
	close(jobs)

	squares := make([]int, numJobs+1)
	for range numJobs {
		r := <-results
		squares[r.job] = r.value
	}
	for j := 1; j <= numJobs; j++ {
		fmt.Printf("job %d -> %d\n", j, squares[j])
	}
}
