// Two structs containing each other (not through a pointer).
package main

import "fmt"

type node struct {
	next  link
	value int
}

type link struct {
	to node
}

func main() {
	var n node
	fmt.Println(n.value)
}
