// 1<<s assigned to a float64: the 1 becomes a float64, which cannot shift.
package main

import "fmt"

func main() {
	s := uint(3)
	var f float64 = 1 << s
	fmt.Println(f)
}
