// Float constants have no negative zero, and an untyped constant meets a
// float32 constant as a float32 (rounded as that constant was).
package main

import "fmt"

func main() {
	x := -0.0
	y := 0.0 * -1
	fmt.Println(x, 1/x, y, 1/y)
	const k float32 = 0.1
	fmt.Println(k == 0.1, float32(0.1) == 0.1)
	var f float32 = 0.1
	fmt.Println(f == 0.1)
}

func init() {
	const k float32 = 0.1
	const j = k + 0.2
	var v float32 = 0.7
	fmt.Println(j, k*3, j == 0.3, v == 0.7, k/3)
	fmt.Printf("%T %v\n", j, -0.0*2)
}
