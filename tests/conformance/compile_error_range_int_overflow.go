// range 300 into a uint8: 300 is assigned to the variable first.
package main

import "fmt"

func main() {
	var u8 uint8
	for u8 = range 300 {
	}
	fmt.Println(u8)
}
