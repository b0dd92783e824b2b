// An unrecovered panic in one goroutine while others spin on other Ps:
// the whole process dies with the panic (exit 2), nothing else printed.
package main

import "fmt"

func spin(seed int) int {
	x := seed
	for i := 0; ; i++ {
		x = (x*1103515245 + 12345) & 0x7fffffff
		if x == -1 {
			return i
		}
	}
}

func main() {
	for g := 0; g < 6; g++ {
		go spin(g)
	}
	ch := make(chan int)
	go func() {
		v := <-ch
		panic(fmt.Sprintf("boom %d", v))
	}()
	fmt.Println("sending")
	ch <- 7
	select {}
}
