package main

import "fmt"

// String()/Error() are used for elements of slices, arrays and maps and for
// exported struct fields at any depth, but not for unexported fields.
type Color int

func (c Color) String() string { return [...]string{"red", "green", "blue"}[c] }

type failure struct{ what string }

func (f failure) Error() string { return "failed: " + f.what }

type Pixel struct {
	C     Color
	hidden Color
	Err   error
}

type Palette struct {
	Name   string
	Colors []Color
	Main   Pixel
}

func main() {
	fmt.Println([]Color{0, 1, 2})
	fmt.Println([2]Color{2, 1})
	fmt.Println(map[Color]int{2: 20, 0: 0, 1: 10})
	fmt.Println(map[string]Color{"sky": 2, "grass": 1})
	px := Pixel{C: 1, hidden: 2, Err: failure{"x"}}
	fmt.Println(px)
	fmt.Printf("%v\n%+v\n", px, px)
	pal := Palette{"p", []Color{2}, px}
	fmt.Printf("%v\n%+v\n", pal, pal)
	fmt.Println([]error{failure{"a"}, nil})
	fmt.Println([]fmt.Stringer{Color(1), nil})
	fmt.Printf("%d %v\n", []Color{1, 2}, []Color{1, 2})
}
