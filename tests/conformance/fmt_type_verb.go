package main

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

type Point struct {
	X, Y int
}

type Celsius float64

func main() {
	var x int
	var p *int
	var ch chan int
	var ro <-chan string
	var so chan<- bool
	var f func(int) string
	var wg sync.WaitGroup
	fmt.Printf("%T %T %T %T\n", x, 3.5, "s", true)
	fmt.Printf("%T %T %T\n", []int{}, map[string]int{}, [3]bool{})
	fmt.Printf("%T %T %T %T\n", p, ch, ro, so)
	fmt.Printf("%T %T\n", f, func() {})
	fmt.Printf("%T %T %T\n", Point{}, Celsius(1), struct{ A int }{})
	fmt.Printf("%T %T %T\n", int8(1), uint64(1), byte(1))
	fmt.Printf("%T %T\n", 'a', rune(1))
	fmt.Printf("%T %T\n", time.Second, errors.New("e"))
	fmt.Printf("%T %T\n", nil, &wg)
	fmt.Printf("%T\n", []any{1})
}
