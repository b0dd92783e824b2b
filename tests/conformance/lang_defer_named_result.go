package main

import "fmt"

func double() (n int) {
	defer func() {
		n *= 2
	}()
	n = 5
	return n + 1
}

func counter() (s string) {
	for i := 0; i < 3; i++ {
		defer func() {
			s += fmt.Sprint(i)
		}()
	}
	return "r"
}

func main() {
	fmt.Println(double())
	fmt.Println(counter())
}
