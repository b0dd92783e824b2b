package main

import "fmt"

func main() {
	var a [4]string
	i := -1
	fmt.Println(len(a))
	a[i+5] = "x"
}
