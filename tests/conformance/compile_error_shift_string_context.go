// An untyped shift is not a string.
package main

import "fmt"

func main() {
	s := uint(1)
	var y string = 1 << s
	fmt.Println(y)
}
