package main

import "fmt"

func classify(n int) string {
	switch {
	case n < 0:
		return "negative"
	case n == 0:
		return "zero"
	case n%2 == 0:
		return "even"
	default:
		return "odd"
	}
}

func main() {
	for i := 0; i < 5; i++ {
		switch i {
		case 0:
			fmt.Println("zero, falls")
			fallthrough
		case 1:
			fmt.Println("one (or fell from zero)")
		case 2, 3:
			fmt.Println("two or three:", i)
		default:
			fmt.Println("default:", i)
		}
	}
	for _, n := range []int{-3, 0, 4, 7} {
		fmt.Println(n, classify(n))
	}
	switch x := 5; {
	case x > 3:
		fmt.Println("big")
		fallthrough
	case x > 100:
		fmt.Println("fell through unconditionally")
	case x > 1:
		fmt.Println("not reached")
	}
	switch s := "go"; s {
	default:
		fmt.Println("default first")
	case "go":
		fmt.Println("matched go")
	}
}
