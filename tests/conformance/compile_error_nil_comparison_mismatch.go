// nil compared with an int: reported at the right operand, types in
// source order.
package main

import "fmt"

func main() {
	var i int
	fmt.Println(nil == i)
}
