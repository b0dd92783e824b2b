// Nil and closed channels: the whole rule table, row by row.
//
//	operation   nil channel     open channel            closed channel
//	send        blocks forever  blocks until room        panics
//	receive     blocks forever  blocks until a value     buffered values, then zero, ok=false
//	close       panics          succeeds                 panics
//	range       blocks forever  yields values as sent    drains, then the loop ends
//	len, cap    0, 0            queued values, capacity  leftovers, capacity
//
// Blocking rows are probed with select/default, which runs default instead
// of blocking. The panic rows are printed, not run: any one of them would
// end the program (gotcha-send-on-closed.go runs one for real).
//
// What to watch: no goroutine ever blocks; nil-channel probes fall through
// to default. `closed` hands out its buffered 7, then zero values; `open`
// keeps the value sent before close(open), and range yields it, then ends.
package main

import "fmt"

func trySend(ch chan<- int, v int) string {
	select {
	case ch <- v:
		return fmt.Sprint("sent ", v)
	default:
		return "would block"
	}
}

func tryRecv(ch <-chan int) string {
	select {
	case v, ok := <-ch:
		return fmt.Sprintf("got %d, ok=%t", v, ok)
	default:
		return "would block"
	}
}

func main() {
	var nilCh chan int // declared, never made: a channel's zero value is nil
	open := make(chan int, 1)
	closed := make(chan int, 1)
	closed <- 7
	close(closed)

	const row = "%-9s %-12s %-13s %s\n"
	fmt.Printf(row, "", "nil", "open (cap 1)", "closed (holds 7)")
	fmt.Printf(row, "receive", tryRecv(nilCh), tryRecv(open), tryRecv(closed))
	fmt.Printf(row, "receive", tryRecv(nilCh), tryRecv(open), tryRecv(closed))
	fmt.Printf(row, "send", trySend(nilCh, 1), trySend(open, 1), "panic: send on closed channel")
	fmt.Printf(row, "send", trySend(nilCh, 2), trySend(open, 2), "panic: send on closed channel")
	fmt.Printf(row, "len cap", fmt.Sprint(len(nilCh), cap(nilCh)), fmt.Sprint(len(open), cap(open)), fmt.Sprint(len(closed), cap(closed)))
	fmt.Printf(row, "close", "panic (1)", "ok, below", "panic: close of closed channel")
	fmt.Println("(1) panic: close of nil channel")

	close(open)
	for v := range open { // range is a receive loop: same rules as receive
		fmt.Println("after close(open), range still yields", v, "and then ends")
	}
}
