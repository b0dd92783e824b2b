package main

import "fmt"

// Arrays are values: assignment, function arguments and range copy them.
func zero(a [4]int) [4]int {
	for i := range a {
		a[i] = 0
	}
	return a
}

func zeroPtr(a *[4]int) {
	for i := range a {
		a[i] = 0
	}
}

func main() {
	a := [4]int{1, 2, 3, 4}
	b := a
	b[0] = 100
	fmt.Println(a, b)
	z := zero(a)
	fmt.Println(a, z)

	sum := 0
	for i, v := range a {
		a[3] = 40 // range works on a copy of the array
		sum += v * (i + 1)
	}
	fmt.Println(sum, a)

	zeroPtr(&b)
	fmt.Println(b, len(b), cap(b))

	var grid [3][3]rune
	for i := range grid {
		for j := range grid[i] {
			grid[i][j] = '.'
		}
	}
	grid[1][1] = '#'
	for _, row := range grid {
		fmt.Println(string(row[:]))
	}

	names := [...]string{"x", "y", "z"}
	s := names[1:]
	s[0] = "Y"
	fmt.Println(names, len(names), s)

	var counts [5]int
	for _, c := range "hello" {
		counts[c%5]++
	}
	fmt.Println(counts)
}
