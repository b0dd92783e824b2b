package main

import "fmt"

// Appends whose results never leave main: since Go 1.25 the first growth of
// an empty slice may use a 32-byte stack store (cap 32/size elements).

type pair struct{ a, b int32 }
type triple struct{ a, b, c int64 }
type quad struct{ a, b, c, d int64 }
type five struct{ a, b, c, d, e int64 }

type holder struct {
	items []int
	n     int
}

// Too big for Go to inline; its parameter does not escape.
func total(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	fmt.Println("total of", len(xs))
	fmt.Println("first", xs[0])
	return t
}

func capsOf(n int) []int {
	var out []int
	var s []int
	prev := -1
	for i := 0; i < n; i++ {
		s = append(s, i)
		if cap(s) != prev {
			prev = cap(s)
			out = append(out, prev)
		}
	}
	fmt.Println("growths:", len(out))
	fmt.Println("last:", prev)
	return out
}

func main() {
	var ints []int
	var bytes []byte
	var i32s []int32
	var i16s []int16
	var strs []string
	var bools []bool
	var pairs []pair
	var triples []triple
	var quads []quad
	var fives []five
	var empties []struct{}
	for i := 0; i < 40; i++ {
		ints = append(ints, i)
		bytes = append(bytes, byte(i))
		i32s = append(i32s, int32(i))
		i16s = append(i16s, int16(i))
		strs = append(strs, "s")
		bools = append(bools, i%2 == 0)
		pairs = append(pairs, pair{})
		triples = append(triples, triple{})
		quads = append(quads, quad{})
		fives = append(fives, five{})
		empties = append(empties, struct{}{})
		if i < 3 || i == 39 {
			fmt.Println(i, cap(ints), cap(bytes), cap(i32s), cap(i16s), cap(strs), cap(bools),
				cap(pairs), cap(triples), cap(quads), cap(fives), cap(empties))
		}
	}

	// Several values at once: the store only if they fit.
	var a, b, c []int
	a = append(a, 1, 2, 3)
	b = append(b, 1, 2, 3, 4)
	c = append(c, 1, 2, 3, 4, 5)
	fmt.Println("several:", cap(a), cap(b), cap(c))

	// Only from an empty slice, and only at the slice's first append site.
	d := []int{7}
	d = append(d, 8)
	e := make([]int, 0, 1)
	e = append(e, 1, 2)
	var f []int
	f = append(f, 1)
	f = nil
	f = append(f, 2)
	fmt.Println("empty only:", cap(d), cap(e), cap(f))

	// Once per call of the function, not per loop iteration.
	for j := 0; j < 3; j++ {
		var row []int
		row = append(row, j)
		fmt.Println("row", j, cap(row))
	}

	// Each non-variable first argument is its own site.
	x := append([]int(nil), 1)
	y := append([]int{}, 1)
	z := append([]byte(nil), 'z')
	fmt.Println("literals:", cap(x), cap(y), cap(z))

	// Uses that keep the slice local.
	var g []int
	g = append(g, 5)
	h := holder{items: g}
	hp := &holder{items: g}
	var any interface{} = g
	_ = any
	g2 := g[:1]
	arr := [2][]int{g, nil}
	fmt.Println("local uses:", cap(g), len(h.items), len(hp.items), len(g2), len(arr[0]), g[0], total(g))

	fmt.Println(capsOf(20))
	fmt.Println(len(ints), len(bytes), len(i32s), len(i16s), len(strs), len(bools), len(pairs), len(triples), len(quads), len(fives), len(empties))
}
