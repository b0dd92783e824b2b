package main

import (
	"fmt"
	"runtime"
)

// Since Go 1.21 panic(nil) becomes a *runtime.PanicNilError, so recover
// returns a non-nil runtime error.
func main() {
	defer func() {
		r := recover()
		_, isRT := r.(runtime.Error)
		fmt.Printf("%v | %T | %v\n", r, r, isRT)
	}()
	panic(nil)
}
