package main

import "fmt"

func main() {
	a := make(chan int)
	b := make(chan int)
	close(a)
	close(b)
	countA, countB := 0, 0
	for i := 0; i < 1000; i++ {
		select {
		case <-a:
			countA++
		case <-b:
			countB++
		}
	}
	fmt.Println("total", countA+countB)
	fmt.Println("both chosen:", countA > 0 && countB > 0)
}
