package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	t := time.AfterFunc(10*time.Millisecond, func() {
		fmt.Println("fired")
		wg.Done()
	})
	wg.Wait()
	fmt.Println("stop after firing:", t.Stop())

	stopped := time.AfterFunc(time.Hour, func() { fmt.Println("never") })
	fmt.Println("stop before firing:", stopped.Stop())

	done := make(chan string)
	r := time.AfterFunc(time.Hour, func() { done <- "reset fired" })
	fmt.Println("reset pending:", r.Reset(5*time.Millisecond))
	fmt.Println(<-done)
}
