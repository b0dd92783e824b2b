package main

import "fmt"

func main() {
	fmt.Printf("%-5d|%5d|%05d|\n", 42, 42, 42)
	fmt.Printf("%-5d|%05d|%+d|%+d\n", -42, -42, 7, -7)
	fmt.Printf("%5s|%-5s|%.2s|%5.1s|\n", "ab", "ab", "abcdef", "xyz")
	fmt.Printf("%*d|%-*d|\n", 6, 1, 4, 2)
	fmt.Printf("%6v|%-6v|\n", true, "go")
	fmt.Printf("%3c|%-3c|\n", 'a', 'b')
	fmt.Printf("%10q|\n", "hi")
	fmt.Printf("[%7.2f] [%-7.2f]\n", 1.005, -1.5)
	fmt.Printf("%v %v\n", []int{1, 22, 333}, [2]string{"a", "bb"})
	fmt.Printf("%4d\n", []int{1, 22})
}
