package main

import (
	"fmt"
	"math"
	"sort"
)

func main() {
	xs := []int{5, 2, 8, -1, 2}
	sort.Ints(xs)
	fmt.Println(xs, sort.IntsAreSorted(xs), sort.SearchInts(xs, 3), sort.SearchInts(xs, 2), sort.SearchInts(xs, 100))
	ss := []string{"pear", "apple", "fig", "Banana"}
	fmt.Println(sort.StringsAreSorted(ss))
	sort.Strings(ss)
	fmt.Println(ss, sort.SearchStrings(ss, "fig"))
	fs := []float64{2.5, math.NaN(), -1, math.Inf(1), 0}
	sort.Float64s(fs)
	fmt.Println(fs, sort.Float64sAreSorted(fs))
	part := xs[1:4]
	part[0], part[2] = 100, -100
	sort.Ints(part)
	fmt.Println(xs)
}
