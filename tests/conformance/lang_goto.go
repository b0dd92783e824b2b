package main

import "fmt"

// goto: loops built from labels, forward jumps over code, retry loops.
func retry(limit int) int {
	attempts := 0
again:
	attempts++
	if attempts < limit {
		goto again
	}
	return attempts
}

func find(grid [][]int, target int) (int, int) {
	i, j := 0, 0
	for i = range grid {
		for j = range grid[i] {
			if grid[i][j] == target {
				goto found
			}
		}
	}
	return -1, -1
found:
	return i, j
}

func main() {
	i := 0
loop:
	if i < 5 {
		fmt.Print(i, " ")
		i++
		goto loop
	}
	fmt.Println()
	fmt.Println(retry(4))
	fmt.Println(find([][]int{{1, 2}, {3, 4}}, 3))
	fmt.Println(find([][]int{{1}}, 9))

	n := 0
	goto skip
skip:
	n += 10
	fmt.Println(n)
}
