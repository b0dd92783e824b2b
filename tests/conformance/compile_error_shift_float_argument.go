// The same rule through a function argument and an arithmetic operand.
package main

import (
	"fmt"
	"math"
)

func main() {
	s := uint(2)
	x := 1.5
	fmt.Println(x * (1 << s))
	fmt.Println(math.Sqrt(1 << s))
}
