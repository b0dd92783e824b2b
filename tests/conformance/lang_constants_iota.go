package main

import "fmt"

const (
	A = iota
	B
	C
	_
	E
)

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

const big = 1 << 100
const pi = 3.14159
const greeting = "hi" + " there"

func main() {
	fmt.Println(A, B, C, E)
	fmt.Println(KB, MB, GB)
	fmt.Println(Sunday, Monday, Tuesday)
	fmt.Printf("%T %v\n", Tuesday, Tuesday)
	fmt.Println(big >> 98)
	fmt.Println(pi*2, greeting, len(greeting))
	const x = 7 / 2
	const y = 7 / 2.0
	fmt.Println(x, y)
	var f float64 = 1 << 3
	fmt.Println(f)
	const typed int16 = 1000
	fmt.Printf("%T %v\n", typed, typed*30)
}
