// Bug: a ticker that is never stopped, and a goroutine that can never leave
// its loop. The heartbeat goroutine ranges over ticker.C with no way to be
// told to stop, so when main is done with it the goroutine (and the ticker)
// live on.
// Shows in: the default schedule: main returns while the heartbeat goroutine
// is blocked receiving from the ticker channel.
package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

func main() {
	var beats atomic.Int32
	ticker := time.NewTicker(10 * time.Millisecond)
	go func() {
		for range ticker.C { // never ends: no Stop, no done channel
			beats.Add(1)
		}
	}()
	time.Sleep(35 * time.Millisecond)
	fmt.Println("beats so far:", beats.Load() >= 3)
}
