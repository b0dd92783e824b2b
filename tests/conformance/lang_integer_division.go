package main

import "fmt"

func main() {
	vals := []int{7, -7}
	divs := []int{2, -2}
	for _, v := range vals {
		for _, d := range divs {
			fmt.Println(v, d, v/d, v%d)
		}
	}
	var u uint = 7
	fmt.Println(u/2, u%4)
	f := 7.0
	fmt.Println(f/2, -f/2)
	x := 10
	x /= 3
	x %= 2
	fmt.Println(x)
}
