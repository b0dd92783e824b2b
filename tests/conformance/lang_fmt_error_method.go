package main

import (
	"errors"
	"fmt"
)

// Error() takes precedence over String(); %v/%s/%q use it; a nil error
// prints <nil>; Sprintf("%d") on an error type reports a bad verb.
type both struct{ n int }

func (b both) Error() string  { return "error-form" }
func (b both) String() string { return "string-form" }

type codeErr int

func (c codeErr) Error() string { return fmt.Sprintf("code %d", int(c)) }

func main() {
	var err error = both{1}
	fmt.Println(err)
	fmt.Printf("%v|%s|%q|%+v\n", err, err, err, err)
	fmt.Println(both{2})
	var nilErr error
	fmt.Println(nilErr)
	fmt.Printf("%v\n", nilErr)
	e := errors.New("plain")
	fmt.Printf("%v %s\n", e, e)
	c := codeErr(404)
	fmt.Println(c)
	fmt.Printf("%v %d %s\n", c, c, c)
	fmt.Println(fmt.Sprint("x", c, "y"))
	fmt.Println(fmt.Errorf("wrap: %v", c))
}
