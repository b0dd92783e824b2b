package main

import "fmt"

// Labelled break and continue across nested loops, switches and selects.
func main() {
outer:
	for i := 0; i < 4; i++ {
		for j := 0; j < 4; j++ {
			switch {
			case j == i:
				continue outer
			case i == 3:
				break outer
			}
			fmt.Print(i, j, " ")
		}
	}
	fmt.Println()

	ch := make(chan int, 10)
	for i := 0; i < 10; i++ {
		ch <- i
	}
	close(ch)
	sum := 0
recv:
	for {
		select {
		case v, ok := <-ch:
			if !ok {
				break recv
			}
			if v%2 == 0 {
				continue recv
			}
			sum += v
		}
	}
	fmt.Println(sum)

	count := 0
rows:
	for _, row := range [][]string{{"a", "b"}, {"stop", "c"}, {"d"}} {
		for _, cell := range row {
			switch cell {
			case "stop":
				break rows
			}
			count++
		}
	}
	fmt.Println(count)
}
