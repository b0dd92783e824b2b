package main

import "fmt"

func main() {
	var i8 int8 = -128
	var u8 uint8 = 255
	var i16 int16 = -32768
	var u16 uint16 = 65535
	var i32 int32 = -2147483648
	var u32 uint32 = 4294967295
	var i64 int64 = -9223372036854775808
	var u64 uint64 = 18446744073709551615
	var b byte = 'A'
	var r rune = 'é'
	fmt.Println(0, 1, -1, 42)
	fmt.Println(i8, u8, i16, u16)
	fmt.Println(i32, u32)
	fmt.Println(i64, u64)
	fmt.Println(b, r)
	var u uint = 7
	var up uintptr = 9
	fmt.Println(u, up)
}
