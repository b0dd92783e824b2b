// An integer range cannot count in a float64.
package main

import "fmt"

func main() {
	var f float64
	for f = range 3 {
	}
	fmt.Println(f)
}
