package main

import "fmt"

// Struct assignment copies fields: arrays and nested structs are copied,
// slices, maps, pointers and channels are shared.
type Inner struct{ Vals [2]int }

type State struct {
	In    Inner
	Tags  []string
	Index map[string]int
	Ptr   *int
}

func modify(s State) {
	s.In.Vals[0] = 100
	s.Tags[0] = "changed"
	s.Index["k"] = 100
	*s.Ptr = 100
}

func main() {
	n := 1
	a := State{Inner{[2]int{1, 2}}, []string{"t"}, map[string]int{"k": 1}, &n}
	b := a
	b.In.Vals[1] = 20
	b.Tags = append(b.Tags, "extra")
	fmt.Println(a.In, b.In, len(a.Tags), len(b.Tags))
	modify(a)
	fmt.Println(a.In.Vals, a.Tags, a.Index, *a.Ptr)
	states := []State{a}
	s0 := states[0]
	s0.In.Vals[1] = -1
	fmt.Println(states[0].In.Vals, s0.In.Vals)
	m := map[string]Inner{"x": {}}
	in := m["x"]
	in.Vals[0] = 5
	fmt.Println(m["x"], in)
}
