package main

import (
	"errors"
	"fmt"
)

func divmod(a, b int) (int, int) {
	return a / b, a % b
}

func parse(s string) (int, error) {
	if s == "" {
		return 0, errors.New("empty input")
	}
	return len(s), nil
}

func split(sum int) (x, y int) {
	x = sum * 4 / 9
	y = sum - x
	return
}

func main() {
	q, r := divmod(17, 5)
	fmt.Println(q, r)
	fmt.Println(divmod(-17, 5))
	if n, err := parse("abc"); err == nil {
		fmt.Println("parsed", n)
	}
	if _, err := parse(""); err != nil {
		fmt.Println("error:", err)
	}
	fmt.Println(split(17))
	a, b := split(100)
	a, b = b, a
	fmt.Println(a, b)
}
