package main

import "fmt"

// fallthrough chains into the next case body (even into default) without
// testing its condition; switch with init statement and no tag.
func level(n int) []string {
	var out []string
	switch {
	case n > 100:
		out = append(out, "huge")
		fallthrough
	case n > 10:
		out = append(out, "big")
		fallthrough
	case n > 1:
		out = append(out, "some")
	case n == 1:
		out = append(out, "one")
		fallthrough
	default:
		out = append(out, "few")
	}
	return out
}

func main() {
	for _, n := range []int{500, 50, 5, 1, 0} {
		fmt.Println(n, level(n))
	}
	switch x := 2; x {
	case 1, 2, 3:
		fmt.Println("small")
		fallthrough
	case 100:
		fmt.Println("hundred?", x)
	case 4:
		fmt.Println("four")
	}
	switch c := 'b'; {
	case c >= 'a' && c <= 'z':
		fmt.Println("lower")
	}
}
