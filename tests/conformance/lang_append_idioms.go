// Common append idioms (in-place filter, stack, queue, rows of a grid)
// and element kinds of every size up to the 32-byte stack store.

package main

import "fmt"

func filter(xs []int) []int {
	out := xs[:0]
	for _, x := range xs {
		if x%2 == 0 {
			out = append(out, x)
		}
	}
	return out
}

func stack() {
	var st []int
	for i := 0; i < 5; i++ {
		st = append(st, i)
		if len(st) > 2 {
			st = st[:len(st)-1]
		}
	}
	fmt.Println("stack", st, len(st), cap(st))
}

func queue() int {
	var q []int
	q = append(q, 1, 2)
	n := 0
	for len(q) > 0 {
		x := q[0]
		q = q[1:]
		if x < 5 {
			q = append(q, x+2)
		}
		n++
	}
	return n + cap(q)
}

func grow2d(n int) [][]int {
	var g [][]int
	for i := 0; i < n; i++ {
		var row []int
		for j := 0; j < i; j++ {
			row = append(row, j)
		}
		g = append(g, row)
	}
	return g
}

func main() {
	xs := []int{1, 2, 3, 4, 5, 6}
	f := filter(xs)
	fmt.Println(f, len(f), cap(f))
	stack()
	fmt.Println("queue", queue())
	g := grow2d(4)
	for _, r := range g {
		fmt.Print(len(r), ":", cap(r), " ")
	}
	fmt.Println()
	var s []int
	for i := 0; i < 4; i++ {
		s = append(s, i)
	}
	c := make([]int, 2)
	copy(c, s)
	t := s
	fmt.Println("copy", c, len(t), cap(t))
	var b []byte
	b = append(b, "hello"...)
	b = append(b, ' ')
	b = append(b, 'w')
	fmt.Println(string(b), len(b), cap(b))
	var rs []rune
	for _, r := range "héllo" {
		rs = append(rs, r)
	}
	fmt.Println(len(rs), cap(rs))
	var e []error
	e = append(e, nil)
	fmt.Println(len(e), cap(e))
	var m []map[string]int
	m = append(m, nil)
	fmt.Println(len(m), cap(m))
	var ch []chan int
	ch = append(ch, nil, nil)
	fmt.Println(len(ch), cap(ch))
	var fs []func()
	fs = append(fs, nil)
	fmt.Println(len(fs), cap(fs))
	var ps []*int
	ps = append(ps, nil)
	fmt.Println(len(ps), cap(ps))
	var fl []float64
	fl = append(fl, 1.5)
	fmt.Println(len(fl), cap(fl))
	var u8 []uint8
	u8 = append(u8, 1)
	fmt.Println(len(u8), cap(u8))
	type small struct{ a int8; b int16 }
	var sm []small
	sm = append(sm, small{})
	fmt.Println(len(sm), cap(sm))
}
