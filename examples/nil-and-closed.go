// Nil and closed channels: the whole rule table, row by row.
//
//	operation   nil channel     open channel            closed channel
//	send        blocks forever  blocks until room        panics
//	receive     blocks forever  blocks until a value     buffered values, then zero, ok=false
//	close       panics          succeeds                 panics
//	range       blocks forever  yields values as sent    drains, then the loop ends
//	len, cap    0, 0            queued values, capacity  leftovers, capacity
//
// Blocking rows are probed with select/default, which takes default
// instead of blocking, so the program never gets stuck. The three panic
// rows are printed, not run, because any one of them would end the program:
// gotcha-send-on-closed.go runs one for real.
//
// What to watch: no goroutine ever blocks here, every probe falls through
// to default. Watch `closed` hand out its buffered 7 after close, then zero
// values with ok=false forever; and `open` keep the value sent before
// close(open) until someone receives it.
package main

import "fmt"

// trySend reports what `ch <- v` would do right now.
func trySend(ch chan<- int, v int) string {
	select {
	case ch <- v:
		return fmt.Sprintf("sent %d", v)
	default:
		return "would block"
	}
}

// tryRecv reports what `<-ch` would do right now.
func tryRecv(ch <-chan int) string {
	select {
	case v, ok := <-ch:
		return fmt.Sprintf("got %d, ok=%t", v, ok)
	default:
		return "would block"
	}
}

func row(op, onNil, onOpen, onClosed string) {
	fmt.Printf("%-10s %-13s %-15s %s\n", op, onNil, onOpen, onClosed)
}

func main() {
	var nilCh chan int // declared, never made: the zero value of a channel is nil
	open := make(chan int, 1)
	closed := make(chan int, 1)
	closed <- 7
	close(closed)

	row("operation", "nil", "open (cap 1)", "closed (holds 7)")
	row("receive", tryRecv(nilCh), tryRecv(open), tryRecv(closed))
	row("receive", tryRecv(nilCh), tryRecv(open), tryRecv(closed))
	row("send", trySend(nilCh, 1), trySend(open, 1), "panics (1)")
	row("send", trySend(nilCh, 2), trySend(open, 2), "panics (1)")
	row("len, cap", fmt.Sprint(len(nilCh), cap(nilCh)), fmt.Sprint(len(open), cap(open)), fmt.Sprint(len(closed), cap(closed)))
	row("close", "panics (2)", "ok (below)", "panics (3)")
	fmt.Println("(1) panic: send on closed channel")
	fmt.Println("(2) panic: close of nil channel")
	fmt.Println("(3) panic: close of closed channel")

	close(open)
	fmt.Println("after close(open):")
	fmt.Println("  receive:", tryRecv(open), "(closing keeps the buffered value)")
	fmt.Println("  receive:", tryRecv(open))
	n := 0
	for range closed {
		n++
	}
	fmt.Println("  range over drained closed channel:", n, "iterations")
}
