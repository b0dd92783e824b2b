package main

import (
	"fmt"
	"time"
)

func main() {
	n := 7
	d := time.Duration(n) * time.Millisecond
	fmt.Println(d, int64(d))
	fmt.Println(int64(d / time.Microsecond))
	total := time.Duration(0)
	for i := 1; i <= 4; i++ {
		total += time.Duration(i) * 250 * time.Millisecond
	}
	fmt.Println(total)
	fmt.Println(total > 2*time.Second, total/2)
	fmt.Println(int64(time.Hour))
}
