// Ping-pong: two goroutines pass a ball back and forth.
//
// Each player owns the channel it receives on, so there is no doubt whose
// turn it is: only the goroutine holding the ball prints, and the output
// order is fixed. The ball is a struct passed by value; its hit count
// travels with it. The player who plays the last hit stops, and its
// deferred close(out) tells the other player the game is over: that
// player's range loop ends and it closes its own channel in turn.
//
// What to watch: exactly one of the two player lanes is ever running or
// sleeping; the other is blocked with "chan receive". The ball shows up as
// arrows alternating between the two channels. At the end, two closes and
// two Done calls wake main from "sync.WaitGroup.Wait".
package main

import (
	"fmt"
	"sync"
	"time"
)

type ball struct {
	hits int
}

const rally = 6

func player(name string, in <-chan ball, out chan<- ball, wg *sync.WaitGroup) {
	defer wg.Done()
	defer close(out) // whoever stops first tells the other one
	for b := range in {
		b.hits++
		fmt.Println(name, b.hits)
		if b.hits == rally {
			return
		}
		time.Sleep(10 * time.Millisecond)
		out <- b
	}
}

func main() {
	toPing := make(chan ball)
	toPong := make(chan ball)
	var wg sync.WaitGroup
	wg.Add(2)
	go player("ping", toPing, toPong, &wg)
	go player("pong", toPong, toPing, &wg)

	toPing <- ball{} // serve
	wg.Wait()
	fmt.Println("game over after", rally, "hits")
}
