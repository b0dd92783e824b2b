// The shifted constant must fit the context's type.
package main

import "fmt"

func main() {
	s := uint(1)
	var y int8 = 200 << s
	fmt.Println(y)
}
