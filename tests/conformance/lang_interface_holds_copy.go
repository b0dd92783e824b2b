package main

import "fmt"

// Storing a struct in an interface copies it; storing a pointer shares it.
type Box struct{ N int }

func (b Box) Get() int   { return b.N }
func (b *Box) Set(n int) { b.N = n }

type Getter interface{ Get() int }

func main() {
	b := Box{1}
	var g Getter = b
	b.Set(2)
	fmt.Println(g.Get(), b.Get())
	var gp Getter = &b
	b.Set(3)
	fmt.Println(gp.Get())
	items := []Getter{b, &b}
	b.N = 4
	fmt.Println(items[0].Get(), items[1].Get())
	m := map[string]Box{"k": {5}}
	v := m["k"]
	v.Set(6)
	fmt.Println(m["k"].N, v.N)
}
