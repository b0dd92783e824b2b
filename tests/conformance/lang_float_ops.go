package main

import "fmt"

func main() {
	a := 0.1
	f3 := 3.99
	b := 0.2
	fmt.Println(a+b, a+b == 0.3)
	fmt.Println(float64(7)/2, int(f3), int(-f3))
	var f float64 = 1
	for i := 0; i < 10; i++ {
		f *= 1.5
	}
	fmt.Println(f)
	n := 10
	fmt.Println(float64(n)/3, float64(n/3))
	x := 2.5
	x -= 0.75
	fmt.Println(x, x > 1.7, x*x)
}
