package main

import (
	"fmt"
	"time"
)

// Untyped constants are exact and take their type from use; typed constants
// keep theirs.
const Big = 1 << 100
const Huge = Big >> 98
const third = 1.0 / 3
const typed int64 = 7
const ratio = 3 / 2
const fratio = 3 / 2.0

type Millis int

const Timeout Millis = 250

func main() {
	fmt.Println(Huge, Big/Big)
	var f32 float32 = third
	var f64 float64 = third
	fmt.Println(f32, f64)
	fmt.Println(ratio, fratio)
	var x int8 = 100
	fmt.Println(x+27, typed*2)
	fmt.Printf("%T %T %T %T\n", typed, ratio, fratio, 'a')
	fmt.Println(Timeout*2, Timeout/3)
	d := 3 * time.Second
	fmt.Println(d, time.Duration(Timeout)*time.Millisecond)
	const s = "con" + "cat"
	fmt.Println(s, len(s))
	var u uint = 1 << 63
	fmt.Println(u)
	const eps = 1e-3
	fmt.Println(eps*1000 == 1)
}
