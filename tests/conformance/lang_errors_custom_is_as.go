package main

import (
	"errors"
	"fmt"
)

// errors.Is honours a custom Is method; errors.As finds interface targets;
// a type switch on error types.
type NotFound struct{ Key string }

func (e *NotFound) Error() string { return e.Key + " not found" }

func (e *NotFound) Is(target error) bool {
	t, ok := target.(*NotFound)
	return ok && (t.Key == "" || t.Key == e.Key)
}

type temporary interface{ Temporary() bool }

type netErr struct{ msg string }

func (e netErr) Error() string   { return e.msg }
func (e netErr) Temporary() bool { return true }

func classify(err error) string {
	switch e := err.(type) {
	case nil:
		return "ok"
	case *NotFound:
		return "missing " + e.Key
	case temporary:
		return fmt.Sprint("temporary=", e.Temporary())
	default:
		return "other: " + e.Error()
	}
}

func main() {
	err := fmt.Errorf("get: %w", &NotFound{"user/1"})
	fmt.Println(errors.Is(err, &NotFound{}), errors.Is(err, &NotFound{"user/1"}), errors.Is(err, &NotFound{"x"}))
	var tmp temporary
	wrapped := fmt.Errorf("dial: %w", netErr{"connection reset"})
	fmt.Println(errors.As(wrapped, &tmp), tmp != nil && tmp.Temporary())
	var nf *NotFound
	fmt.Println(errors.As(wrapped, &nf), nf == nil)
	for _, e := range []error{nil, &NotFound{"k"}, netErr{"reset"}, errors.New("boom")} {
		fmt.Println(classify(e))
	}
}
