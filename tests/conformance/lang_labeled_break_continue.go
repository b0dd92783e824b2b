package main

import "fmt"

func main() {
outer:
	for i := 0; i < 4; i++ {
		for j := 0; j < 4; j++ {
			if j == 2 {
				continue outer
			}
			if i == 3 {
				break outer
			}
			fmt.Println(i, j)
		}
	}
	count := 0
search:
	for _, row := range [][]int{{1, 2}, {3, 42}, {5, 6}} {
		for _, v := range row {
			count++
			if v == 42 {
				break search
			}
		}
	}
	fmt.Println("visited", count)
sw:
	for i := 0; ; i++ {
		switch {
		case i == 5:
			break sw
		case i%2 == 0:
			continue
		}
		fmt.Println("odd", i)
	}
}
