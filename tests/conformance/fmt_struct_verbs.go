package main

import "fmt"

type Inner struct {
	N    int
	Tags []string
}

type Outer struct {
	Name  string
	In    Inner
	Score float64
	OK    bool
	M     map[string]int
}

func main() {
	o := Outer{"obj", Inner{3, []string{"a", "b"}}, 9.5, true, map[string]int{"k": 1}}
	fmt.Println(o)
	fmt.Printf("%v\n%+v\n", o, o)
	var z Outer
	fmt.Printf("%v\n%+v\n", z, z)
	fmt.Printf("%d\n", Inner{7, nil})
	fmt.Printf("%s\n", Inner{7, []string{"x"}})
}
