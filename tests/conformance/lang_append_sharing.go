package main

import "fmt"

func main() {
	s := make([]int, 3, 10)
	t := append(s, 4)
	u := append(s, 5)
	fmt.Println(t, u, t[3] == 5)
	full := []int{1, 2, 3}
	x := append(full, 4)
	x[0] = 100
	fmt.Println(full, x)
	base := []int{1, 2, 3, 4, 5}
	sub := base[1:3]
	fmt.Println(sub, len(sub), cap(sub))
	sub = append(sub, 99)
	fmt.Println(base)
	limited := base[1:3:3]
	limited = append(limited, 77)
	fmt.Println(base, limited, cap(limited))
	dst := make([]int, 2)
	n := copy(dst, base)
	fmt.Println(n, dst)
	n = copy(base, base[2:])
	fmt.Println(n, base)
}
