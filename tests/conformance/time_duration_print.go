package main

import (
	"fmt"
	"time"
)

func main() {
	fmt.Println(1500 * time.Millisecond)
	fmt.Println(2*time.Hour + 3*time.Minute + 4*time.Second)
	fmt.Println(time.Duration(0))
	fmt.Println(time.Nanosecond, time.Microsecond, time.Millisecond, time.Second)
	fmt.Println(-5 * time.Second)
	fmt.Println(time.Duration(1234567))
	fmt.Println(90 * time.Minute)
	d := 250 * time.Microsecond
	fmt.Println(d.String())
	fmt.Printf("%v %s %d %T\n", d, d, d, d)
}
