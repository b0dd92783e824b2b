package main

import "fmt"

// Slices that stop being local at one point (returned, assigned, ranged
// over, passed to an inlined call) keep using the 32-byte stack buffer
// until then (Go 1.26+, cmd/compile/internal/slice): a slice whose cap is
// observed steps up one size class at a time inside the buffer; one whose
// cap is not is copied to a right-sized heap array where it escapes.

// Small enough for Go to inline.
func build(n int) []int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return s
}

// Too big to inline.
func buildPrinted(n int) []int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	fmt.Println("built", len(s))
	fmt.Println("built", len(s))
	return s
}

func buildObserved(n int) []int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
		if cap(s) > 1000 {
			fmt.Println("huge")
		}
	}
	return s
}

func named(n int) (s []int) {
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	fmt.Println("named", len(s))
	fmt.Println("named", len(s))
	return
}

func word(n int) []byte {
	var b []byte
	for i := 0; i < n; i++ {
		b = append(b, byte('a'+i%26))
		if cap(b) == 0 {
			fmt.Println("impossible")
		}
	}
	return b
}

func sum(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func show(xs []int) {
	fmt.Println("show", len(xs))
	fmt.Println("show", len(xs))
}

func main() {
	r := build(3)
	fmt.Println("build", len(r), cap(r))
	for _, n := range []int{1, 3, 4, 5, 9} {
		p := buildPrinted(n)
		o := buildObserved(n)
		q := named(n)
		fmt.Println(n, cap(p), cap(o), cap(q))
	}
	for _, n := range []int{1, 9, 17, 25, 33} {
		w := word(n)
		fmt.Println(string(w), len(w), cap(w))
	}

	// Assigned to another variable: moved there.
	var s []int
	for i := 0; i < 3; i++ {
		s = append(s, i)
	}
	t := s
	fmt.Println("assigned", t, len(t), cap(t))

	// Ranged over, with cap observed: growsliceBuf's caps.
	var u []int
	for i := 0; i < 6; i++ {
		u = append(u, i)
		fmt.Print(cap(u), " ")
	}
	for _, v := range u {
		fmt.Print(v)
	}
	fmt.Println(" ranged", len(u), cap(u))

	// Strings: 16 bytes, 2 fit.
	var strs []string
	for i := 0; i < 4; i++ {
		strs = append(strs, "x")
		fmt.Print(cap(strs), " ")
	}
	other := strs
	fmt.Println("strings", len(other), cap(other))

	// Passed to an inlined function (a move) or to one that is not.
	var v []int
	for i := 0; i < 3; i++ {
		v = append(v, i)
	}
	fmt.Println("inlined call", sum(v), len(v), cap(v))
	var w []int
	for i := 0; i < 3; i++ {
		w = append(w, i)
	}
	show(w)
	fmt.Println("call", len(w), cap(w))

	// Two escape points, or one inside a deeper loop: no move, the plain
	// escape analysis decides.
	var x []int
	for i := 0; i < 3; i++ {
		x = append(x, i)
	}
	x1 := x
	x2 := x
	fmt.Println("twice", cap(x), len(x1), len(x2))
	var y []int
	for i := 0; i < 3; i++ {
		y = append(y, i)
		last := y
		_ = last
	}
	fmt.Println("in loop", cap(y))
}
