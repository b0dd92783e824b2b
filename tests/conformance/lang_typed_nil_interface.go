package main

import "fmt"

// The typed-nil pitfall: an interface holding a nil pointer is not nil.
type ValidationError struct{ Field string }

func (e *ValidationError) Error() string {
	if e == nil {
		return "<nil ValidationError>"
	}
	return "invalid " + e.Field
}

func validateBad(ok bool) error {
	var err *ValidationError
	if !ok {
		err = &ValidationError{"name"}
	}
	return err // always non-nil as an error
}

func validateGood(ok bool) error {
	if !ok {
		return &ValidationError{"name"}
	}
	return nil
}

func main() {
	e1 := validateBad(true)
	fmt.Println(e1 == nil, e1)
	fmt.Printf("%T %v\n", e1, e1 != nil)
	e2 := validateGood(true)
	fmt.Println(e2 == nil, e2)
	e3 := validateGood(false)
	fmt.Println(e3 == nil, e3)

	var p *ValidationError
	var err error = p
	fmt.Println(p == nil, err == nil, err.(*ValidationError) == nil)

	var i interface{} = (*int)(nil)
	fmt.Println(i == nil, i)
}
