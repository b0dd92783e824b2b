// Timers from every P: Sleep, AfterFunc, Timer.Reset/Stop and Tickers used
// by many goroutines at once; counts are fixed whatever the interleaving.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	var fired atomic.Int64
	var wg sync.WaitGroup
	for g := 0; g < 32; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 10; k++ {
				time.Sleep(time.Duration(50+(g*13+k*7)%200) * time.Microsecond)
			}
			// A timer reset before it fires fires once, a stopped one never.
			t := time.NewTimer(time.Hour)
			t.Reset(time.Duration(1+g%5) * time.Millisecond)
			<-t.C
			stopped := time.NewTimer(time.Hour)
			if stopped.Stop() {
				fired.Add(1)
			}
			done := make(chan bool)
			time.AfterFunc(time.Duration(g%3)*time.Millisecond, func() {
				fired.Add(10)
				done <- true
			})
			<-done
			tk := time.NewTicker(time.Duration(100+g) * time.Microsecond)
			for i := 0; i < 5; i++ {
				<-tk.C
			}
			tk.Stop()
			fired.Add(100)
		}()
	}
	wg.Wait()
	fmt.Println("fired", fired.Load())
	select {
	case <-time.After(2 * time.Millisecond):
		fmt.Println("after")
	}
}
