package main

import "fmt"

type Registry struct {
	byName map[string]int
}

func (r *Registry) Register(n string) { r.byName[n] = len(r.byName) }

// A struct whose map was never made: reading works, writing panics.
func main() {
	var r Registry
	fmt.Println(r.byName["x"], len(r.byName))
	r.Register("svc")
}
