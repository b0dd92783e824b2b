package main

import "fmt"

func main() {
	fmt.Printf("%x %X %x %X\n", 255, 255, -255, 3054)
	fmt.Printf("%#x %#X %#o %o %b\n", 255, 255, 8, 64, 5)
	fmt.Printf("%x %X\n", "hello", "Go!")
	fmt.Printf("% x\n", "abc")
	fmt.Printf("%x\n", []byte{1, 171, 255})
	fmt.Printf("%08b %4x|%-6X|\n", 10, 255, 255)
	var u uint64 = 18446744073709551615
	fmt.Printf("%x %d\n", u, u)
	fmt.Printf("%x\n", 1.5)
}
