// runtime.GOMAXPROCS(n) changes the number of Ps before it returns (Go
// stops the world for procresize), so GOMAXPROCS(0) right after reads n
// back, even while other goroutines keep every other P busy.
package main

import (
	"fmt"
	"runtime"
)

func spin() {
	x := 0
	for {
		x++
	}
}

func main() {
	for g := 0; g < 4; g++ {
		go spin()
	}
	stale := 0
	prevWrong := 0
	last := runtime.GOMAXPROCS(0)
	for i := 0; i < 200; i++ {
		want := 2 + i%5
		if prev := runtime.GOMAXPROCS(want); i > 0 && prev != last {
			prevWrong++
		}
		if got := runtime.GOMAXPROCS(0); got != want {
			stale++
		}
		last = want
	}
	fmt.Println("stale reads:", stale, "wrong previous values:", prevWrong)
}
