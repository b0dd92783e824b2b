package main

import "fmt"

type ShutdownError struct{ Reason string }

func (e *ShutdownError) Error() string { return "shutdown: " + e.Reason }

// panic with an error value prints its Error() text; deferred calls run
// first.
func main() {
	defer fmt.Println("deferred")
	panic(&ShutdownError{"disk full"})
}
