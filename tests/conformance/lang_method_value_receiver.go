package main

import "fmt"

// A value receiver works on a copy: mutations inside the method are lost.
type Counter struct {
	name string
	n    int
}

func (c Counter) IncCopy() int {
	c.n++
	return c.n
}

func (c Counter) Describe() string {
	return fmt.Sprintf("%s=%d", c.name, c.n)
}

func main() {
	c := Counter{name: "hits", n: 1}
	fmt.Println(c.IncCopy(), c.IncCopy())
	fmt.Println(c.Describe())
	p := &c
	fmt.Println(p.IncCopy(), p.Describe())
	fmt.Println(c.n)
}
