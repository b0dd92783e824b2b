package main

import (
	"fmt"
	"time"
)

// goto used for retry loops around a select, as in older network code.
func fetch(attempt int) <-chan string {
	ch := make(chan string, 1)
	if attempt >= 3 {
		ch <- fmt.Sprint("data on attempt ", attempt)
	}
	return ch
}

func main() {
	attempt := 0
retry:
	attempt++
	select {
	case v := <-fetch(attempt):
		fmt.Println(v)
	case <-time.After(10 * time.Millisecond):
		fmt.Println("attempt", attempt, "timed out")
		if attempt < 5 {
			goto retry
		}
	}
	n := 0
	{
	loop:
		n++
		if n < 3 {
			goto loop
		}
	}
	fmt.Println("n", n)
}
