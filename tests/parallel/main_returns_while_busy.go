// main returns while goroutines spin on other Ps, sit in channel waits and
// sleep: the program ends with main, exit 0.
package main

import (
	"fmt"
	"time"
)

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
	block := make(chan int)
	for g := 0; g < 6; g++ {
		go func() {
			<-block
		}()
		go func() {
			time.Sleep(time.Hour)
		}()
	}
	total := 0
	ch := make(chan int)
	go func() {
		for i := 0; i < 2000; i++ {
			ch <- i
		}
		close(ch)
	}()
	for v := range ch {
		total += v
	}
	fmt.Println("main done", total)
}
