package main

import "fmt"

func main() {
	ch := make(chan int, 2)
	done := make(chan bool)
	go func() {
		for i := 0; i < 5; i++ {
			ch <- i
		}
		close(ch)
		done <- true
	}()
	got := []int{}
	for v := range ch {
		got = append(got, v)
	}
	<-done
	fmt.Println(got)
}
