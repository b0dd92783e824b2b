// An alias may not refer to itself, even through a slice.
package main

import "fmt"

type list = []list

func main() {
	var l list
	fmt.Println(len(l))
}
