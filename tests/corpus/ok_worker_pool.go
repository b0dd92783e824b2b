// Correct pattern: a worker pool type with Submit/Close/Results; results
// are collected and sorted so the output does not depend on the schedule.
package main

import (
	"fmt"
	"sort"
	"sync"
)

type Job struct {
	ID    int
	Input string
}

type Result struct {
	JobID  int
	Output int
}

type Pool struct {
	jobs    chan Job
	results chan Result
	wg      sync.WaitGroup
}

func NewPool(workers int) *Pool {
	p := &Pool{jobs: make(chan Job), results: make(chan Result, 16)}
	for i := 0; i < workers; i++ {
		p.wg.Add(1)
		go p.work()
	}
	go func() {
		p.wg.Wait()
		close(p.results)
	}()
	return p
}

func (p *Pool) work() {
	defer p.wg.Done()
	for j := range p.jobs {
		p.results <- Result{j.ID, len(j.Input) * j.ID}
	}
}

func (p *Pool) Submit(j Job) { p.jobs <- j }
func (p *Pool) Close()       { close(p.jobs) }

func main() {
	p := NewPool(3)
	go func() {
		for i, w := range []string{"alpha", "beta", "gamma", "delta", "epsilon"} {
			p.Submit(Job{i + 1, w})
		}
		p.Close()
	}()
	var rs []Result
	for r := range p.results {
		rs = append(rs, r)
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].JobID < rs[j].JobID })
	for _, r := range rs {
		fmt.Printf("job %d -> %d\n", r.JobID, r.Output)
	}
}
