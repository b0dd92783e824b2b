// Range values are assigned as in an assignment.
package main

import "fmt"

func main() {
	var st string
	for _, st = range []int{1} {
	}
	fmt.Println(st)
}
