// Indexing a constant string gives a byte value, not a constant: byte
// arithmetic on it wraps instead of overflowing at compile time.
package main

import "fmt"

const s = "abc"

var v = "a"[0] + 200

func main() {
	x := s[1] + 250
	fmt.Println(v, x, s[2], "xyz"[0])
}
