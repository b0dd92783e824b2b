package main

import "fmt"

func sum(label string, nums ...int) string {
	total := 0
	for _, n := range nums {
		total += n
	}
	return fmt.Sprintf("%s: %d (%d args)", label, total, len(nums))
}

func describe(xs ...int) {
	fmt.Println(xs == nil, len(xs), cap(xs) >= len(xs))
}

func main() {
	fmt.Println(sum("none"))
	fmt.Println(sum("three", 1, 2, 3))
	s := []int{10, 20, 30, 40}
	fmt.Println(sum("spread", s...))
	describe()
	describe(1, 2)
	args := []any{"a", 1, true}
	fmt.Println(args...)
}
