package main

import "fmt"

func main() {
	a, b := 1, 2
	a, b = b, a
	fmt.Println(a, b)
	x := []int{0, 0, 0}
	i := 0
	i, x[i] = 1, 2
	fmt.Println(i, x)
	a, b, c := 1, 2, 3
	a, b, c = c, a, b
	fmt.Println(a, b, c)
	m := map[string]int{}
	m["k"], a = 5, m["k"]
	fmt.Println(m, a)
	f := []int{1, 1}
	for k := 0; k < 10; k++ {
		f[0], f[1] = f[1], f[0]+f[1]
	}
	fmt.Println(f)
}
