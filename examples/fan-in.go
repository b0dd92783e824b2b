// Fan-in: many producers, one channel.
//
// fanIn starts one forwarding goroutine per input and sends everything to
// a single output channel. Several goroutines may send on the same channel
// safely; the tricky part is closing it, since none of the forwarders knows
// whether it is the last. A sync.WaitGroup counts them, and one extra
// goroutine closes the output after Wait, so main's range loop can end.
//
// The order of lines is the order of the sends. Here the producers tick at
// different rates (30ms and 75ms) so it is fixed; with equal rates it would
// depend on the schedule.
//
// What to watch: arrows from two forwarder lanes converging on one
// channel; the closer lane blocked on "sync.WaitGroup.Wait" for the whole
// run, and waking only when the last forwarder calls Done.
package main

import (
	"fmt"
	"sync"
	"time"
)

func ticker(name string, n int, every time.Duration) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		for i := 1; i <= n; i++ {
			time.Sleep(every)
			out <- fmt.Sprintf("%s %d", name, i)
		}
	}()
	return out
}

func fanIn(inputs ...<-chan string) <-chan string {
	out := make(chan string)
	var wg sync.WaitGroup
	for _, in := range inputs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for v := range in {
				out <- v
			}
		}()
	}
	go func() {
		wg.Wait() // every forwarder is done: nobody will send again
		close(out)
	}()
	return out
}

func main() {
	for line := range fanIn(ticker("fast", 4, 30*time.Millisecond), ticker("slow", 2, 75*time.Millisecond)) {
		fmt.Println(line)
	}
	fmt.Println("all producers finished")
}
