package main

import (
	"fmt"
	"time"
)

func main() {
	d := 1234567891 * time.Nanosecond
	fmt.Println(d.Round(time.Millisecond), d.Truncate(time.Millisecond), d.Round(time.Second), d.Round(0))
	fmt.Println((-d).Round(time.Second), (-d).Abs(), time.Duration(-1<<63).Abs())
	for _, s := range []string{"1h15m30.5s", "-1.5h", "300ms", "2us", "1µs", "0", "+3s", "", "1", "3x", ".s", "9999999999h", "1.000000001s"} {
		v, err := time.ParseDuration(s)
		fmt.Println(v, err)
	}
}
