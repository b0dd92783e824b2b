package main

import "fmt"

func apply(f func(int) int, xs []int) []int {
	out := make([]int, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

func main() {
	total := 0
	add := func(x int) {
		total += x
	}
	add(3)
	add(4)
	fmt.Println(total)
	factor := 2
	double := func(x int) int { return x * factor }
	fmt.Println(apply(double, []int{1, 2, 3}))
	factor = 10
	fmt.Println(apply(double, []int{1, 2, 3}))
}
