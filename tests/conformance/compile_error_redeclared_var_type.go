// The later declaration in the source is the redeclaration, whatever
// kinds the two are.
package main

import "fmt"

var total int

type total struct{}

func main() {
	fmt.Println("unreachable")
}
