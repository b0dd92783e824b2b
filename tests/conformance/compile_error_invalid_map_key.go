package main

import "fmt"

func main() {
	seen := map[[]string]bool{}
	fmt.Println(len(seen))
}
