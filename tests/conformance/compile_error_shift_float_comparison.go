// Compared with a float64, 1<<s is a float64 shift.
package main

import "fmt"

func main() {
	s := uint(1)
	f := 2.0
	fmt.Println(f == 1<<s)
}
