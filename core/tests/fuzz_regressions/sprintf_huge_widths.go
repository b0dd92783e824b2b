package main

import "fmt"

func main() {
	n := 0
	for i := 0; i < 100000; i++ {
		s := fmt.Sprintf("%1000000d%1000000d%1000000d%1000000d%1000000d%1000000d%1000000d%1000000d%1000000d%1000000d", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
		n += len(s)
	}
	fmt.Println(n)
}
