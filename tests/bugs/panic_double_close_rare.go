// Bug: double close in a rare schedule. Both workers report a fatal error by
// closing the shared abort channel, guarding the close with a non-blocking
// receive ("close unless already closed"). The check and the close are not
// atomic: if both workers check before either closes, the second close
// panics. In the default schedule the workers run one after the other.
// Shows in: rare schedules (both checks before the first close):
// "panic: close of closed channel".
package main

import (
	"fmt"
	"sync"
)

func closeOnce(abort chan struct{}) {
	select {
	case <-abort:
		// already closed
	default:
		close(abort) // another worker may close between the check and here
	}
}

func main() {
	abort := make(chan struct{})
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			closeOnce(abort) // both hit a fatal error
		}()
	}
	wg.Wait()
	<-abort
	fmt.Println("aborted")
}
