package main

import (
	"errors"
	"fmt"
)

// User error types: value and pointer receivers, sentinel errors compared
// with ==, errors carrying data, and nil checks.
var ErrNotFound = errors.New("not found")

type StatusError struct {
	Code int
	Msg  string
}

func (e StatusError) Error() string { return fmt.Sprintf("status %d: %s", e.Code, e.Msg) }

type TimeoutError struct{ Op string }

func (e *TimeoutError) Error() string { return e.Op + ": timeout" }
func (e *TimeoutError) Timeout() bool { return true }

func lookup(k string) (int, error) {
	switch k {
	case "a":
		return 1, nil
	case "b":
		return 0, StatusError{503, "unavailable"}
	case "c":
		return 0, &TimeoutError{"dial"}
	}
	return 0, ErrNotFound
}

func main() {
	for _, k := range []string{"a", "b", "c", "d"} {
		v, err := lookup(k)
		if err != nil {
			fmt.Println(k, "error:", err)
			if err == ErrNotFound {
				fmt.Println("  sentinel")
			}
			if se, ok := err.(StatusError); ok {
				fmt.Println("  code", se.Code)
			}
			if t, ok := err.(interface{ Timeout() bool }); ok {
				fmt.Println("  timeout", t.Timeout())
			}
			continue
		}
		fmt.Println(k, "=", v)
	}
	err1 := StatusError{1, "x"}
	var err2 error = StatusError{1, "x"}
	fmt.Println(err2 == err1, err2 == error(StatusError{2, "x"}))
	fmt.Println(errors.New("a") == errors.New("a"))
}
