package main

import "fmt"

func main() {
	done := make(chan struct{})
	data := make([]int, 0)
	go func() {
		for i := 0; i < 4; i++ {
			data = append(data, i*3)
		}
		done <- struct{}{}
	}()
	<-done
	fmt.Println(data, len(data))
	var e struct{}
	fmt.Println(e)
}
