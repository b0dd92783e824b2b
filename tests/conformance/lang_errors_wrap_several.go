// fmt.Errorf with several %w returns a *fmt.wrapErrors: errors.Is and
// errors.As see every wrapped error, errors.Unwrap sees none.
package main

import (
	"errors"
	"fmt"
)

type codeErr struct{ code int }

func (e *codeErr) Error() string { return fmt.Sprintf("code %d", e.code) }

var (
	errA = errors.New("a")
	errB = errors.New("b")
)

func main() {
	err := fmt.Errorf("both: %w and %w", errA, errB)
	fmt.Println(err)
	fmt.Printf("%T %v %v\n", err, errors.Is(err, errA), errors.Is(err, errB))
	fmt.Println(errors.Unwrap(err) == nil)
	u := err.(interface{ Unwrap() []error })
	fmt.Println(len(u.Unwrap()), u.Unwrap()[0] == errA, u.Unwrap()[1] == errB)

	// Reordered operands are unwrapped in argument order.
	err = fmt.Errorf("%[2]w then %[1]w", errA, errB)
	fmt.Println(err, u.Unwrap()[0] == errA)
	u = err.(interface{ Unwrap() []error })
	fmt.Println(u.Unwrap()[0] == errA, u.Unwrap()[1] == errB)

	// The same operand twice is unwrapped once.
	err = fmt.Errorf("%[1]w %[1]w", errA)
	fmt.Printf("%T %d\n", err, len(err.(interface{ Unwrap() []error }).Unwrap()))

	// A %w operand that is not an error is left out (and printed as bad).
	err = fmt.Errorf("%w %w", 1, errB)
	fmt.Println(err, len(err.(interface{ Unwrap() []error }).Unwrap()))
	err = fmt.Errorf("%w %w", 1, 2)
	fmt.Println(err, err.(interface{ Unwrap() []error }).Unwrap() == nil)

	// errors.As finds a wrapped *codeErr deep in a tree of wraps and joins.
	inner := fmt.Errorf("inner: %w", &codeErr{7})
	tree := fmt.Errorf("outer: %w; %w", errA, errors.Join(errB, inner))
	var ce *codeErr
	fmt.Println(errors.As(tree, &ce), ce.code, errors.Is(tree, errB))
	fmt.Println(tree)
}
