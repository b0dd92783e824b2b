// The length of an array type may not need the type itself.
package main

import "fmt"

type T [len(T{})]int

func main() {
	fmt.Println(len(T{}))
}
