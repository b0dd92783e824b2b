package main

import "fmt"

type Runner interface{ Run() }

type job struct{}

func (job) Run() { fmt.Println("ran") }

// Calling a method on a nil interface value is a nil dereference.
func main() {
	var r Runner = job{}
	r.Run()
	r = nil
	r.Run()
}
