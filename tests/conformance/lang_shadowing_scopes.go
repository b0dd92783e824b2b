package main

import (
	"errors"
	"fmt"
)

// := in nested scopes shadows: the classic lost-error bug, if/else-if
// scopes, and shadowed receivers/package names.
func step(n int) (int, error) {
	if n > 2 {
		return 0, errors.New("too big")
	}
	return n * 10, nil
}

func run() error {
	var err error
	for i := 1; i <= 3; i++ {
		v, err := step(i) // shadows the outer err
		if err != nil {
			fmt.Println("inner error:", err)
			break
		}
		fmt.Println("value", v)
	}
	return err
}

func main() {
	fmt.Println("run returned", run())
	x := 1
	if x := 2; x > 1 {
		x++
		fmt.Println("if", x)
	} else if y := x * 10; y > 0 {
		fmt.Println("else", y)
	}
	fmt.Println("outer", x)
	{
		x := "block"
		fmt.Println(x)
	}
	fmt := "shadowed package name"
	_ = fmt
	println2(x)
}

func println2(v int) { fmt.Println("still", v) }
