package main

import "fmt"

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	q = a / b
	return q, nil
}

func main() {
	fmt.Println(safeDiv(10, 2))
	fmt.Println(safeDiv(1, 0))
	func() {
		defer func() {
			fmt.Println("recover:", recover())
		}()
		panic("boom")
	}()
	fmt.Println("recover outside panic:", recover())
}
