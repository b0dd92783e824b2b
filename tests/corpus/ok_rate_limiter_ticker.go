// Correct pattern: requests are throttled by a time.Ticker; the elapsed
// time shows the rate (rounded so real Go's jitter does not show).
package main

import (
	"fmt"
	"time"
)

type Limiter struct {
	t *time.Ticker
}

func NewLimiter(every time.Duration) *Limiter { return &Limiter{time.NewTicker(every)} }
func (l *Limiter) Wait()                       { <-l.t.C }
func (l *Limiter) Stop()                       { l.t.Stop() }

func main() {
	start := time.Now()
	l := NewLimiter(500 * time.Millisecond)
	defer l.Stop()
	for i := 1; i <= 4; i++ {
		l.Wait()
		fmt.Printf("request %d at ~%v\n", i, time.Since(start).Round(500*time.Millisecond))
	}
	fmt.Println("total ~", time.Since(start).Round(500*time.Millisecond))
}
