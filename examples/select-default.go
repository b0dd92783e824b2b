// Select with default: non-blocking send and receive.
//
// A select with a default case never blocks: if no other case is ready
// right now, default runs instead. That gives a "try" version of send and
// receive. Here a log buffer of 2 accepts messages until it is full and
// then drops them rather than stalling the sender, and a reader polls it
// without waiting when it is empty.
//
// What to watch: only one lane, main, and it never blocks: no wait spans at
// all, even though it sends to a full channel and receives from an empty
// one. The occupancy of `logs` goes 1, 2, stays 2 while the drops happen,
// then back to 0.
package main

import "fmt"

// tryLog sends msg if there is room and reports whether it was kept.
func tryLog(logs chan<- string, msg string) bool {
	select {
	case logs <- msg:
		return true
	default:
		return false // buffer full: drop instead of blocking
	}
}

func main() {
	logs := make(chan string, 2)
	for i := 1; i <= 4; i++ {
		msg := fmt.Sprintf("event %d", i)
		if tryLog(logs, msg) {
			fmt.Println("queued ", msg)
		} else {
			fmt.Println("dropped", msg, "(buffer full)")
		}
	}

	for {
		select {
		case msg := <-logs:
			fmt.Println("read   ", msg)
		default:
			fmt.Println("nothing left to read: not waiting")
			return
		}
	}
}
