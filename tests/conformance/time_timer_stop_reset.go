package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(20 * time.Millisecond)
	fmt.Println("stop before fire:", t.Stop())
	fmt.Println("stop again:", t.Stop())
	select {
	case <-t.C:
		fmt.Println("stale value")
	case <-time.After(50 * time.Millisecond):
		fmt.Println("no value after Stop")
	}

	t.Reset(10 * time.Millisecond)
	<-t.C
	fmt.Println("fired after Reset")
	fmt.Println("stop after receive:", t.Stop())

	// Go 1.23+: a fired but unreceived value is discarded by Reset.
	t2 := time.NewTimer(time.Millisecond)
	time.Sleep(20 * time.Millisecond)
	fmt.Println("reset of expired timer:", t2.Reset(30*time.Millisecond))
	start := time.Now()
	<-t2.C
	fmt.Println("waited for the new deadline:", time.Since(start) >= 25*time.Millisecond)

	var zero time.Timer
	defer func() { fmt.Println("recovered:", recover()) }()
	zero.Stop()
}
