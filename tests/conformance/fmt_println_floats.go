package main

import "fmt"

func main() {
	fmt.Println(1e21, 1e20, 123456789.0, 1e-5, 0.0001)
	fmt.Println(3.0, 0.1, 1.5, -2.25, 100.0)
	fmt.Println(1.0/3.0, 2.0/3.0)
	zero := 0.0
	fmt.Println(zero/zero, 1/zero, -1/zero)
	fmt.Println(-zero, zero)
	var f32 float32 = 0.1
	fmt.Println(f32, float64(f32))
	fmt.Println(1e100, 5e-324, 1.7976931348623157e308)
	x := 12345678.0
	fmt.Println(x, x*100, x*1e14)
}
