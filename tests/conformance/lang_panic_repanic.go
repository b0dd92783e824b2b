package main

import (
	"errors"
	"fmt"
)

// recover, inspect, and re-panic with a wrapped error.
func work() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("work failed: %v", r)
		}
	}()
	var m map[string][]int
	m["k"] = append(m["k"], 1)
	return nil
}

func main() {
	err := work()
	fmt.Println(err)
	defer func() {
		r := recover()
		fmt.Println("outer:", r)
		panic(errors.New("again: " + fmt.Sprint(r)))
	}()
	panic("first")
}
