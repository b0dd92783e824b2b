// Compared with the untyped float 1.5, 1<<s becomes a float64 shift.
package main

import "fmt"

func main() {
	s := uint(2)
	fmt.Println(1<<s > 1.5)
}
