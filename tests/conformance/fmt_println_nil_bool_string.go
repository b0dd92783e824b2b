package main

import (
	"errors"
	"fmt"
)

func main() {
	var s []int
	var m map[string]int
	var p *int
	var err error
	var f func()
	var ch chan int
	fmt.Println(nil, true, false)
	fmt.Println(s, m, p, err)
	fmt.Println(f == nil, ch == nil, s == nil)
	fmt.Println("hello", "", "world")
	fmt.Println("tab\there", "quote\"q")
	err = errors.New("something failed")
	fmt.Println(err)
	x := 5
	p = &x
	fmt.Println(*p, p != nil)
}
