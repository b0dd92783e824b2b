package main

import "fmt"

type Worker interface{ Work() }

type pool struct{ n int }

func (p *pool) Work() { p.n++ }

func main() {
	var w Worker = pool{}
	fmt.Println(w)
}
