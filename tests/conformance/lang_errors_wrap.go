package main

import (
	"errors"
	"fmt"
)

// Wrapping with %w, errors.Is / errors.As / errors.Unwrap / errors.Join
// through user error types.
var ErrClosed = errors.New("closed")

type OpError struct {
	Op  string
	Err error
}

func (e *OpError) Error() string { return e.Op + ": " + e.Err.Error() }
func (e *OpError) Unwrap() error { return e.Err }

func main() {
	base := &OpError{"write", ErrClosed}
	wrapped := fmt.Errorf("flush: %w", base)
	fmt.Println(wrapped)
	fmt.Println(errors.Is(wrapped, ErrClosed), errors.Is(wrapped, errors.New("closed")))
	var oe *OpError
	if errors.As(wrapped, &oe) {
		fmt.Println("as:", oe.Op, oe.Err == ErrClosed)
	}
	fmt.Println(errors.Unwrap(wrapped) == base, errors.Unwrap(ErrClosed) == nil)
	notWrapped := fmt.Errorf("flush: %v", base)
	fmt.Println(notWrapped, errors.Is(notWrapped, ErrClosed))
	joined := errors.Join(ErrClosed, errors.New("other"))
	fmt.Println(joined)
	fmt.Println(errors.Is(joined, ErrClosed))
	fmt.Println(errors.Join(nil, nil) == nil)
}
