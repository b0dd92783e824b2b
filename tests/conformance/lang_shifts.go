package main

import "fmt"

func main() {
	n := 3
	fmt.Println(1<<n, 1024>>n, -16>>2, -1>>10)
	var u uint8 = 200
	fmt.Println(u<<1, u>>3)
	var s uint = 70
	fmt.Println(1<<s, int64(1)<<62, int64(1)<<s)
	var x int32 = 1
	fmt.Println(x<<31, x<<32)
	var y uint16 = 0xFFFF
	fmt.Println(y>>15, y<<8)
	fmt.Println(5&3, 5|3, 5^3, 5&^3, ^5)
	var b uint8 = 0x0F
	fmt.Println(^b, b&^0x05)
}
