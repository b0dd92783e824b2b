package main

import (
	"fmt"
	"math/rand"
	"sort"
)

// Only seed-independent properties: Go seeds the top-level source randomly.
func main() {
	p := rand.Perm(10)
	fmt.Println(len(p), sort.IntsAreSorted(p))
	sort.Ints(p)
	fmt.Println(p)
	ok := true
	for i := 0; i < 1000; i++ {
		if n := rand.Intn(7); n < 0 || n >= 7 {
			ok = false
		}
		if f := rand.Float64(); f < 0 || f >= 1 {
			ok = false
		}
		if n := rand.Int63n(1 << 40); n < 0 || n >= 1<<40 {
			ok = false
		}
		if n := rand.Int31n(3); n < 0 || n >= 3 {
			ok = false
		}
	}
	fmt.Println("in range:", ok)
	xs := []int{1, 2, 3, 4, 5, 6}
	rand.Shuffle(len(xs), func(i, j int) { xs[i], xs[j] = xs[j], xs[i] })
	sort.Ints(xs)
	fmt.Println(xs)
	r := rand.New(rand.NewSource(7))
	a := r.Intn(1000)
	r2 := rand.New(rand.NewSource(7))
	fmt.Println("same seed, same value:", a == r2.Intn(1000))
	calls := 0
	r.Shuffle(5, func(i, j int) { calls++ })
	fmt.Println("swaps:", calls)
	defer func() { fmt.Println("recovered:", recover()) }()
	rand.Intn(0)
}
