package main

import "fmt"

func main() {
	for i := range 3 {
		fmt.Print(i, " ")
	}
	fmt.Println()
	n := 0
	for range 5 {
		n++
	}
	fmt.Println(n)
	k := 1
	for k < 100 {
		k *= 3
	}
	fmt.Println(k)
	j := 0
	for {
		j++
		if j == 4 {
			break
		}
	}
	fmt.Println(j)
	arr := [3]string{"x", "y", "z"}
	for i, v := range arr {
		fmt.Print(i, v, " ")
	}
	fmt.Println()
	s := []int{1, 2, 3}
	for i := range s {
		s = append(s, i)
	}
	fmt.Println(s)
	for i, j := 0, 10; i < j; i, j = i+1, j-2 {
		fmt.Print(i, ",", j, " ")
	}
	fmt.Println()
}
