// An array of itself would be infinitely large: Go rejects it.
package main

import "fmt"

type T [2]T

func main() {
	var t T
	fmt.Println(len(t))
}
