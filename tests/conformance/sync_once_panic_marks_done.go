package main

import (
	"fmt"
	"sync"
)

func try(o *sync.Once, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovered:", r)
		}
	}()
	o.Do(f)
}

func main() {
	var once sync.Once
	try(&once, func() { panic("init failed") })
	try(&once, func() { fmt.Println("never runs: Do considers f returned") })
	fmt.Println("end")
}
