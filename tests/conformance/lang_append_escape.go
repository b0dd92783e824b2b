package main

import "fmt"

// Appends whose results escape grow by the heap rule (cap 1 for the first
// int), as before Go 1.25.

var global []int
var sinkFn func() int

type box struct{ items []int }

func keep(xs []int) {
	global = xs
}

// Too big to inline: returning its slice makes the slice escape.
func one(v int) []int {
	var s []int
	s = append(s, v)
	fmt.Println("one:", len(s))
	fmt.Println("one:", s[0])
	return s
}

func main() {
	{
		var s []int
		s = append(s, 1)
		fmt.Println("printed", s, cap(s))
	}
	{
		var s []int
		s = append(s, 1)
		global = s
		fmt.Println("global", cap(s))
	}
	{
		var s []int
		s = append(s, 1)
		keep(s)
		fmt.Println("leaking param", cap(s))
	}
	{
		var s []int
		s = append(s, 1)
		ch := make(chan []int, 1)
		ch <- s
		fmt.Println("sent", cap(s), len(<-ch))
	}
	{
		var s []int
		s = append(s, 1)
		done := make(chan int)
		go func() {
			done <- len(s)
		}()
		fmt.Println("goroutine", <-done, cap(s))
	}
	{
		var s []int
		s = append(s, 1)
		m := map[string][]int{}
		m["k"] = s
		fmt.Println("map", cap(s), len(m["k"]))
	}
	{
		var s []int
		s = append(s, 1)
		rows := make([][]int, 1)
		rows[0] = s
		fmt.Println("slice element", cap(s), len(rows[0]))
	}
	{
		var s []int
		s = append(s, 1)
		p := &s
		fmt.Println("address", cap(s), len(*p))
	}
	{
		var s []int
		s = append(s, 1)
		b := &box{}
		b.items = s
		fmt.Println("through pointer", cap(s), len(b.items))
	}
	{
		var s []int
		s = append(s, 1)
		var x interface{} = s
		fmt.Println("interface", cap(s), x)
	}
	{
		var s []int
		s = append(s, 1)
		sinkFn = func() int { return len(s) }
		fmt.Println("stored closure", cap(s), sinkFn())
	}
	{
		var s []int
		s = append(s, 1)
		for i := 0; i < 2; i++ {
			defer func() { _ = len(s) }()
		}
		fmt.Println("deferred in loop", cap(s))
	}
	{
		var s []int
		s = append(s, 1)
		var rows [][]int
		rows = append(rows, s)
		fmt.Println("appended", cap(s), len(rows))
	}
	r := one(9)
	fmt.Println("returned", cap(r))
	var bs []byte
	bs = append(bs, 'x')
	fmt.Println("bytes", cap(bs), string(bs))
	fmt.Println(len(global))
}
