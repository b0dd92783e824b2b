// Go names and points at the operand inside the parentheses.
package main

import "fmt"

func main() {
	x := 1
	p := &(x + 1)
	fmt.Println(p)
}
