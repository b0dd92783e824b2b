package main

import "fmt"

func main() {
	n := 3
	panic(fmt.Sprintf("bad value %d (want %q)", n, "four"))
}
