// Sleep sort and a ticker loop on the virtual clock.
//
// Sleep sort is a joke algorithm that is a good timer exercise: each value
// gets a goroutine that sleeps value x 30ms and then sends the value, so
// small values arrive first. main runs a ticker-like loop built from
// time.Sleep: every 30ms it wakes up and collects, without blocking,
// whatever has arrived. Its ticks are half a period out of phase with the
// sleepers (15ms, 45ms, 75ms, ...), so no tick ever ties with a wake-up
// and the output is the same on every run.
//
// What to watch: five lanes in "sleep" whose timers fire in value order on
// the virtual clock, each followed by one value dropping into `out`'s
// buffer; main's lane waking every 30ms and draining the buffer with
// select/default. Virtual time jumps straight to the next timer: the
// program takes no real time at all in chanscope.
package main

import (
	"fmt"
	"time"
)

const unit = 30 * time.Millisecond

func sleeper(n int, out chan<- int) {
	time.Sleep(time.Duration(n) * unit)
	out <- n
}

func main() {
	values := []int{5, 2, 8, 1, 4}
	out := make(chan int, len(values))
	for _, n := range values {
		go sleeper(n, out)
	}

	var sorted []int
	elapsed := unit / 2
	time.Sleep(elapsed)
	for len(sorted) < len(values) {
		time.Sleep(unit)
		elapsed += unit
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
