package main

import (
	"fmt"
	"sort"
)

// A registry of interface values backed by pointers: mutations through the
// interface are visible through the original pointers and the map.
type Counter interface {
	Inc()
	Value() int
}

type hits struct{ n int }

func (h *hits) Inc()       { h.n++ }
func (h *hits) Value() int { return h.n }

func main() {
	reg := map[string]Counter{}
	a, b := &hits{}, &hits{n: 10}
	reg["a"], reg["b"] = a, b
	for _, k := range []string{"a", "b", "a", "c"} {
		if c, ok := reg[k]; ok {
			c.Inc()
		}
	}
	keys := make([]string, 0, len(reg))
	for k := range reg {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Println(k, reg[k].Value())
	}
	fmt.Println(a.n, b.n, reg["a"] == Counter(a))
}
