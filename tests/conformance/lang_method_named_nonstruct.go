package main

import (
	"fmt"
	"sort"
)

// Methods on named types that are not structs: numbers, slices, maps, funcs.
type Celsius float64
type Fahrenheit float64

func (c Celsius) ToF() Fahrenheit { return Fahrenheit(c*9/5 + 32) }

type IntList []int

func (l IntList) Sum() int {
	s := 0
	for _, v := range l {
		s += v
	}
	return s
}

func (l *IntList) Append(v int) { *l = append(*l, v) }

type Set map[string]bool

func (s Set) Add(k string) { s[k] = true }

func (s Set) Keys() []string {
	var ks []string
	for k := range s {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

type HandlerFunc func(string) string

func (f HandlerFunc) Serve(req string) string { return "[" + f(req) + "]" }

type Flag uint8

func (f Flag) Has(o Flag) bool { return f&o != 0 }

func main() {
	fmt.Println(Celsius(100).ToF(), Celsius(-40).ToF())
	var l IntList
	l.Append(3)
	l.Append(4)
	l.Append(5)
	fmt.Println(l, l.Sum(), len(l))
	s := Set{}
	s.Add("b")
	s.Add("a")
	s.Add("b")
	fmt.Println(s.Keys(), len(s))
	h := HandlerFunc(func(r string) string { return "hello " + r })
	fmt.Println(h.Serve("gopher"))
	f := Flag(5)
	fmt.Println(f.Has(1), f.Has(2), f.Has(4))
}
