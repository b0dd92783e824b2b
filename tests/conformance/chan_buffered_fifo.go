package main

import "fmt"

func main() {
	ch := make(chan string, 4)
	ch <- "a"
	ch <- "b"
	ch <- "c"
	fmt.Println(<-ch)
	ch <- "d"
	ch <- "e"
	for len(ch) > 0 {
		fmt.Println(<-ch, len(ch), cap(ch))
	}
}
