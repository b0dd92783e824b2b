package main

import "fmt"

type Stopper interface{ Stop() bool }

type timer struct{}

func (t *timer) Stop() bool { return true }

func main() {
	var s Stopper = &timer{}
	t := s.(timer)
	fmt.Println(t)
}
