package main

import "fmt"

func main() {
	req := make(chan int)
	ack := make(chan bool)
	go func() {
		for v := range req {
			fmt.Println("worker got", v)
			ack <- true
		}
	}()
	for i := 1; i <= 3; i++ {
		fmt.Println("main sends", i)
		req <- i
		<-ack
	}
	close(req)
	fmt.Println("end")
}
