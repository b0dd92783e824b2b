// Panics raised and recovered in many goroutines at once (runtime errors
// and custom values), results reported over a channel.
package main

import (
	"errors"
	"fmt"
	"strings"
)

type myErr struct{ id int }

func (e myErr) Error() string { return fmt.Sprint("my error ", e.id) }

func risky(id int) (res string) {
	defer func() {
		r := recover()
		switch v := r.(type) {
		case nil:
			res = "ok"
		case error:
			var m myErr
			if errors.As(v, &m) {
				res = "custom"
			} else if strings.Contains(v.Error(), "index out of range") {
				res = "index"
			} else if strings.Contains(v.Error(), "divide by zero") {
				res = "div"
			} else {
				res = "other error " + v.Error()
			}
		default:
			res = fmt.Sprint("value ", v)[:5]
		}
	}()
	var s []int
	zero := 0
	switch id % 5 {
	case 0:
		return "ok"
	case 1:
		_ = s[id]
	case 2:
		_ = id / zero
	case 3:
		panic(myErr{id})
	default:
		panic(id)
	}
	return "unreachable"
}

func main() {
	out := make(chan string)
	const n = 1000
	for i := 0; i < n; i++ {
		go func() {
			out <- risky(i)
		}()
	}
	counts := map[string]int{}
	for i := 0; i < n; i++ {
		counts[<-out]++
	}
	fmt.Println(counts)
}
