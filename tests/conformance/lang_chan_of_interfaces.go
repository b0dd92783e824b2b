package main

import (
	"errors"
	"fmt"
)

// Interface values travel through channels: chan error, chan any and
// channels of interface types with methods.
type Event interface{ Kind() string }

type Added struct{ Key string }
type Removed struct{ Key string }

func (a Added) Kind() string    { return "added" }
func (r *Removed) Kind() string { return "removed" }

func main() {
	errs := make(chan error, 3)
	go func() {
		errs <- nil
		errs <- errors.New("disk full")
		errs <- fmt.Errorf("retry %d: %w", 2, errors.New("timeout"))
		close(errs)
	}()
	for err := range errs {
		fmt.Println(err == nil, err)
	}

	events := make(chan Event)
	go func() {
		events <- Added{"a"}
		events <- &Removed{"b"}
		events <- nil
		close(events)
	}()
	for ev := range events {
		switch e := ev.(type) {
		case Added:
			fmt.Println(e.Kind(), e.Key)
		case *Removed:
			fmt.Println(e.Kind(), e.Key)
		case nil:
			fmt.Println("nil event")
		}
	}

	anyc := make(chan any, 2)
	anyc <- 1
	anyc <- "s"
	fmt.Println(<-anyc, <-anyc)
}
