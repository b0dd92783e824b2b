// Bug: the consumer stops ranging early (it found what it wanted) and the
// producer stays blocked forever on its next send.
package main

import (
	"fmt"
	"runtime"
	"time"
)

type Scanner struct{ keys []string }

func (s *Scanner) Keys() <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		for _, k := range s.keys {
			out <- k
		}
	}()
	return out
}

func main() {
	s := &Scanner{keys: []string{"a", "b", "target", "c", "d"}}
	for k := range s.Keys() {
		fmt.Println("scan", k)
		if k == "target" {
			break
		}
	}
	time.Sleep(10 * time.Millisecond)
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
