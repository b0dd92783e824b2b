package main

import "fmt"

func main() {
	m := map[string]int{"zeta": 26, "alpha": 1, "mid": 13, "beta": 2}
	fmt.Println(m)
	n := map[int]string{10: "ten", -3: "minus three", 2: "two", 7: "seven"}
	fmt.Println(n)
	b := map[bool]int{true: 1, false: 0}
	fmt.Println(b)
	f := map[float64]string{2.5: "b", -1: "a", 10: "c"}
	fmt.Println(f)
	nested := map[string][]int{"b": {2, 3}, "a": {1}}
	fmt.Println(nested, len(nested))
	fmt.Printf("%v|%+v|%d\n", n, m, map[string]int{"y": 2, "x": 1})
	empty := map[string]bool{}
	fmt.Println(empty)
}
