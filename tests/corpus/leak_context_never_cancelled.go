// Bug: the cancel function of a derived context is dropped, so the watcher
// goroutine waiting on ctx.Done() can never exit. Each call leaks one.
package main

import (
	"context"
	"fmt"
	"runtime"
	"time"
)

type Session struct {
	id int
}

func (s *Session) watch(ctx context.Context, stopped chan<- int) {
	<-ctx.Done()
	stopped <- s.id
}

func open(parent context.Context, id int, stopped chan<- int) *Session {
	ctx, _ := context.WithCancel(parent) // cancel dropped
	s := &Session{id: id}
	go s.watch(ctx, stopped)
	return s
}

func main() {
	stopped := make(chan int, 10)
	for i := 1; i <= 3; i++ {
		s := open(context.Background(), i, stopped)
		fmt.Println("opened session", s.id)
	}
	time.Sleep(50 * time.Millisecond)
	fmt.Println("sessions stopped:", len(stopped))
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
