// Package errors, as Go 1.27 implements it (src/errors/wrap.go, join.go),
// compiled with every program. `ꞏ` (U+A78F) separates the package from
// the name: no user program can declare or mention these identifiers.
package main

func errorsꞏUnwrap(err error) error {
	u, ok := err.(interface{ Unwrap() error })
	if !ok {
		return nil
	}
	return u.Unwrap()
}

func errorsꞏIs(err, target error) bool {
	if err == nil || target == nil {
		return err == target
	}
	return errorsꞏis(err, target, runtimeꞏcomparable(target))
}

func errorsꞏis(err, target error, targetComparable bool) bool {
	for {
		if targetComparable && err == target {
			return true
		}
		if x, ok := err.(interface{ Is(error) bool }); ok && x.Is(target) {
			return true
		}
		switch x := err.(type) {
		case interface{ Unwrap() error }:
			err = x.Unwrap()
			if err == nil {
				return false
			}
		case interface{ Unwrap() []error }:
			for _, err := range x.Unwrap() {
				if errorsꞏis(err, target, targetComparable) {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
}

func errorsꞏAs(err error, target any) bool {
	if err == nil {
		return false
	}
	if target == nil {
		panic("errors: target cannot be nil")
	}
	runtimeꞏcheckAsTarget(target)
	return errorsꞏas(err, target)
}

func errorsꞏas(err error, target any) bool {
	for {
		if runtimeꞏasTarget(err, target) {
			return true
		}
		if x, ok := err.(interface{ As(any) bool }); ok && x.As(target) {
			return true
		}
		switch x := err.(type) {
		case interface{ Unwrap() error }:
			err = x.Unwrap()
			if err == nil {
				return false
			}
		case interface{ Unwrap() []error }:
			for _, err := range x.Unwrap() {
				if err == nil {
					continue
				}
				if errorsꞏas(err, target) {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
}

func errorsꞏJoin(errs ...error) error {
	n := 0
	for _, err := range errs {
		if err != nil {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	e := &errorsꞏjoinError{
		errs: make([]error, 0, n),
	}
	for _, err := range errs {
		if err != nil {
			e.errs = append(e.errs, err)
		}
	}
	return e
}

type errorsꞏjoinError struct {
	errs []error
}

func (e *errorsꞏjoinError) Error() string {
	if len(e.errs) == 1 {
		return e.errs[0].Error()
	}
	b := e.errs[0].Error()
	for _, err := range e.errs[1:] {
		b += "\n" + err.Error()
	}
	return b
}

func (e *errorsꞏjoinError) Unwrap() []error {
	return e.errs
}

// fmt.wrapErrors: what fmt.Errorf returns for several %w (Go's
// fmt/errors.go). The VM builds its values (`Program::wrap_errors`).
type fmtꞏwrapErrors struct {
	msg  string
	errs []error
}

func (e *fmtꞏwrapErrors) Error() string {
	return e.msg
}

func (e *fmtꞏwrapErrors) Unwrap() []error {
	return e.errs
}

// fmt.Stringer and runtime.Error, the interfaces programs name.
type fmtꞏStringer interface {
	String() string
}

// runtime.Error and the types of what recover returns for a run-time
// panic. Each value holds the whole Error() text (the VM's message).
type runtimeꞏError interface {
	error
	RuntimeError()
}

type runtimeꞏerrorString string

func (e runtimeꞏerrorString) RuntimeError() {}
func (e runtimeꞏerrorString) Error() string { return string(e) }

type runtimeꞏplainError string

func (e runtimeꞏplainError) RuntimeError() {}
func (e runtimeꞏplainError) Error() string { return string(e) }

type runtimeꞏboundsError string

func (e runtimeꞏboundsError) RuntimeError() {}
func (e runtimeꞏboundsError) Error() string { return string(e) }

type runtimeꞏTypeAssertionError struct {
	msg string
}

func (*runtimeꞏTypeAssertionError) RuntimeError() {}
func (e *runtimeꞏTypeAssertionError) Error() string { return e.msg }

type runtimeꞏPanicNilError struct {
	_ [0]int
}

func (*runtimeꞏPanicNilError) RuntimeError() {}
func (*runtimeꞏPanicNilError) Error() string {
	return "runtime error: panic called with nil argument"
}
