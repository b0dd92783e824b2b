package main

import (
	"fmt"
	"time"
)

func main() {
	tk := time.NewTicker(10 * time.Millisecond)
	n := 0
	for range tk.C {
		n++
		if n == 3 {
			break
		}
	}
	tk.Stop()
	fmt.Println("ticks:", n)
	select {
	case <-tk.C:
		fmt.Println("tick after Stop")
	case <-time.After(40 * time.Millisecond):
		fmt.Println("no tick after Stop")
	}
	tk.Reset(5 * time.Millisecond)
	<-tk.C
	fmt.Println("tick after Reset")
	tk.Stop()

	c := time.Tick(5 * time.Millisecond)
	<-c
	<-c
	fmt.Println("Tick works;", time.Tick(0) == nil)

	defer func() { fmt.Println("recovered:", recover()) }()
	time.NewTicker(0)
}
