// A shift by a variable is not a constant.
package main

import "fmt"

func main() {
	s := uint(1)
	const c = 1 << s
	fmt.Println(c)
}
