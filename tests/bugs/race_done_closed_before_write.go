// Bug: the completion signal is sent before the result is written. The
// worker closes `done` and only then stores the result, so main's read after
// <-done is not ordered after the write.
// Shows in: every schedule as a data race on Job.result.
package main

import (
	"fmt"
	"strings"
)

type Job struct {
	input  string
	result string
	done   chan struct{}
}

func (j *Job) run() {
	close(j.done)                        // bug: signals too early
	j.result = strings.Repeat(j.input, 2) // unordered with the reader
}

func main() {
	j := &Job{input: "ab", done: make(chan struct{})}
	go j.run()
	<-j.done
	fmt.Println("result length at most 4:", len(j.result) <= 4)
}
