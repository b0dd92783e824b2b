package main

import "fmt"

// A failed single-result type assertion panics with Go's interface
// conversion message.
func main() {
	var v interface{} = "hello"
	s := v.(string)
	fmt.Println(s)
	n := v.(int)
	fmt.Println(n)
}
