// Correct pattern, Go 1.23+ timer semantics: after Stop (or Reset) no stale
// expiry is delivered, so the old "drain t.C after Stop" dance is not
// needed; Reset on an expired, unread timer starts a fresh wait.
package main

import (
	"fmt"
	"time"
)

type IdleTimeout struct {
	t     *time.Timer
	start time.Time
}

func (it *IdleTimeout) Touch(d time.Duration) bool { return it.t.Reset(d) }

func main() {
	it := &IdleTimeout{t: time.NewTimer(100 * time.Millisecond), start: time.Now()}
	time.Sleep(150 * time.Millisecond) // expired, value not read
	fmt.Println("reset active:", it.Touch(250*time.Millisecond))
	<-it.t.C
	fmt.Println("fired no earlier than 150ms+250ms:", time.Since(it.start) >= 400*time.Millisecond)
	fmt.Println("stop after fire:", it.t.Stop())
	it.t.Reset(50 * time.Millisecond)
	fmt.Println("stop pending:", it.t.Stop())
	select {
	case <-it.t.C:
		fmt.Println("stale value")
	case <-time.After(150 * time.Millisecond):
		fmt.Println("no stale value")
	}
}
