// Unbuffered channels: a send waits for its receiver.
//
// An unbuffered channel has no room to hold a value, so a send can only
// complete when a receiver takes the value at the same moment (a
// rendezvous). Here the receiver (main) is slow: it sleeps 100ms before each
// receive. The sender is ready at once, so it spends those 100ms blocked.
// "delivered" is printed only after main has taken the value, never before.
//
// What to watch: the sender's lane is blocked with wait reason "chan send"
// for 100ms of virtual time before every value, while main's lane shows
// "sleep". Each send is one arrow from the sender to main, drawn at the
// moment main arrives. The channel never holds anything (capacity 0).
package main

import (
	"fmt"
	"time"
)

func sender(out chan<- int, done chan<- struct{}) {
	for i := 1; i <= 3; i++ {
		fmt.Println("sender: offering", i)
		out <- i // blocks until main is ready to receive
		fmt.Println("sender: delivered", i)
	}
	close(done)
}

func main() {
	ch := make(chan int)
	done := make(chan struct{})
	go sender(ch, done)

	var got []int
	for i := 0; i < 3; i++ {
		time.Sleep(100 * time.Millisecond) // main is busy; the sender waits
		fmt.Println("main: ready to receive")
		got = append(got, <-ch)
	}
	<-done
	fmt.Println("main: got", got)
}
