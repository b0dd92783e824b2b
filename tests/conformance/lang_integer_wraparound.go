package main

import "fmt"

func main() {
	var a int8 = 127
	a++
	fmt.Println(a)
	var b uint8 = 255
	b++
	fmt.Println(b)
	var c uint8 = 0
	c--
	fmt.Println(c)
	var d uint32 = 4294967295
	d += 2
	fmt.Println(d)
	var e int32 = 2147483647
	e *= 2
	fmt.Println(e)
	var m int8 = -128
	var neg int8 = -1
	fmt.Println(m/neg, m*neg, -m)
	var u uint = 0
	u--
	fmt.Println(u)
	var i64 int64 = 9223372036854775807
	i64++
	fmt.Println(i64)
	x := 300
	fmt.Println(int8(x), uint8(x), uint16(-1*x), int64(int32(3000000000+x)))
}
