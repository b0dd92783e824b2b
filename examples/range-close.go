// Range and close: the sender says "no more values".
//
// `for v := range ch` receives until the channel is closed and drained, so
// the receiver needs no count and no sentinel value. Closing is the
// sender's job: only the sender knows when it is finished, and a send on a
// closed channel panics. After the loop, a receive with the comma-ok form
// shows what a closed channel returns: the zero value and ok == false.
//
// What to watch: main's lane alternates between running and "chan
// receive" while squares produces. The close is the last event on the
// channel; it wakes main one final time and its range loop ends. squares'
// lane ends right after the close, before main prints "done".
package main

import "fmt"

func squares(n int, out chan<- int) {
	for i := 1; i <= n; i++ {
		out <- i * i
	}
	close(out) // without this, main's range would wait forever: a deadlock
}

func main() {
	ch := make(chan int)
	go squares(5, ch)

	sum := 0
	for v := range ch {
		fmt.Println("received", v)
		sum += v
	}
	v, ok := <-ch
	fmt.Println("after close: v =", v, "ok =", ok)
	fmt.Println("done, sum =", sum)
}
