package main

import "fmt"

func main() {
	s := make([][]int, 200)
	t := make([]int, 200)
	for i := range s {
		s[i] = t
	}
	u := make([][][]int, 200)
	for i := range u {
		u[i] = s
	}
	n := 0
	for i := 0; i < 100000; i++ {
		n += len(fmt.Sprint(u))
	}
	fmt.Println(n)
}
