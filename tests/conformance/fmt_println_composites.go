package main

import "fmt"

type Point struct {
	X, Y int
}

type Line struct {
	From, To Point
	Name     string
}

func main() {
	fmt.Println([]int{1, 2, 3}, []string{"a", "b"}, []int{})
	fmt.Println([][]int{{1, 2}, {3}, {}})
	fmt.Println([3]int{7, 8, 9}, [2]bool{true, false}, [0]int{})
	fmt.Println([]float64{1.5, 2, 1e21})
	fmt.Println(Point{1, 2}, Line{Point{0, 0}, Point{3, 4}, "diag"})
	fmt.Println([]Point{{1, 2}, {3, 4}})
	fmt.Println(struct {
		A int
		B string
	}{5, "five"})
	fmt.Println(struct{}{})
	fmt.Println([]string{"", "x"}, []any{1, "a", nil, 2.5})
}
