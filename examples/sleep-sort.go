// Sleep sort and a ticker loop on the virtual clock.
//
// Sleep sort is a joke algorithm that is a good timer exercise: each value
// gets a goroutine that sleeps value x 10ms and then sends the value, so
// small values arrive first. main runs a ticker-like loop built from
// time.Sleep: every 10ms it wakes up and collects, without blocking,
// whatever has arrived. Its ticks are half a period out of phase with the
// sleepers (5ms, 15ms, 25ms, ...), so no tick ever ties with a wake-up and
// the output is the same on every run.
//
// What to watch: five lanes in "sleep" whose timers fire in value order on
// the virtual clock, each followed by one value dropping into `out`'s
// buffer; main's lane waking every 10ms and draining the buffer with
// select/default. Virtual time jumps straight to the next timer: the
// program takes no real time at all in chanscope.
package main

import (
	"fmt"
	"time"
)

func sleeper(n int, out chan<- int) {
	time.Sleep(time.Duration(n) * 10 * time.Millisecond)
	out <- n
}

func main() {
	values := []int{5, 2, 8, 1, 4}
	out := make(chan int, len(values))
	for _, n := range values {
		go sleeper(n, out)
	}

	var sorted []int
	elapsed := 5 * time.Millisecond
	time.Sleep(elapsed)
	for len(sorted) < len(values) {
		time.Sleep(10 * time.Millisecond)
		elapsed += 10 * time.Millisecond
		line := fmt.Sprint("tick ", elapsed, ":")
	drain:
		for {
			select {
			case n := <-out:
				sorted = append(sorted, n)
				line += fmt.Sprint(" ", n)
			default:
				break drain
			}
		}
		fmt.Println(line)
	}
	fmt.Println("sorted:", sorted)
}
