package main

import "fmt"

func inc(p *int) {
	*p++
}

func swap(a, b *int) {
	*a, *b = *b, *a
}

func main() {
	x := 1
	p := &x
	*p = 3
	fmt.Println(x, *p)
	inc(&x)
	inc(p)
	fmt.Println(x)
	y := 10
	swap(&x, &y)
	fmt.Println(x, y)
	q := p
	*q = 42
	fmt.Println(x, p == q)
	n := new(int)
	*n = 7
	fmt.Println(*n)
}
