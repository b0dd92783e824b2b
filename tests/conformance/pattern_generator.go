package main

import "fmt"

func count(from, to int) <-chan int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for i := from; i <= to; i++ {
			ch <- i
		}
	}()
	return ch
}

func evens(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for v := range in {
			if v%2 == 0 {
				out <- v
			}
		}
	}()
	return out
}

func main() {
	var got []int
	for v := range evens(count(1, 15)) {
		got = append(got, v)
	}
	fmt.Println(got)
}
