package main

import "fmt"

type Job interface{ Run() }

type task struct{}

func (task) Run() {}

// Asserting on a nil interface panics naming the missing concrete type.
func main() {
	var j Job
	fmt.Println(j == nil)
	t := j.(task)
	t.Run()
}
