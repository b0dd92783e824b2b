package main

import "fmt"

func main() {
	var s []int
	prev := -1
	for i := 0; i < 2000; i++ {
		s = append(s, i)
		if cap(s) != prev {
			fmt.Print(cap(s), " ")
			prev = cap(s)
		}
	}
	fmt.Println()
	a := append([]int(nil), 1, 2, 3, 4, 5)
	fmt.Println(len(a), cap(a))
	var b []byte
	b = append(b, 'x')
	fmt.Println(len(b), cap(b))
	b = append(b, "0123456789abcdefghij"...)
	fmt.Println(len(b), cap(b))
	var strs []string
	strs = append(strs, "a", "b", "c")
	fmt.Println(len(strs), cap(strs))
	c := make([]int, 3, 3)
	c = append(c, 1, 2, 3, 4, 5, 6, 7, 8)
	fmt.Println(len(c), cap(c))
	var i32 []int32
	for i := 0; i < 20; i++ {
		i32 = append(i32, int32(i))
	}
	fmt.Println(len(i32), cap(i32))
}
