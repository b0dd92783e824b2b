// *strconv.NumError unwraps to its Err, so errors.Is finds
// strconv.ErrSyntax / ErrRange through it and through wrappers of it.
package main

import (
	"errors"
	"fmt"
	"strconv"
)

type withField struct {
	*strconv.NumError
	field string
}

type wrapped struct{ inner error }

func (w wrapped) Error() string { return "wrapped: " + w.inner.Error() }
func (w wrapped) Unwrap() error { return w.inner }

func show(err error) {
	var ne *strconv.NumError
	fmt.Println(err)
	fmt.Println(errors.Is(err, strconv.ErrSyntax), errors.Is(err, strconv.ErrRange), errors.As(err, &ne))
	if ne != nil {
		fmt.Printf("%q %q %v %v\n", ne.Func, ne.Num, ne.Err, ne.Unwrap() == ne.Err)
	}
	fmt.Println(errors.Unwrap(err) == strconv.ErrSyntax, errors.Unwrap(err) == strconv.ErrRange)
}

func main() {
	_, err := strconv.Atoi("abc")
	show(err)
	_, err = strconv.Atoi("99999999999999999999")
	show(err)
	_, err = strconv.ParseInt("12", 1, 64)
	show(err)
	_, err = strconv.ParseInt("12", 10, 65)
	show(err)
	_, err = strconv.ParseUint("-1", 10, 64)
	show(err)
	_, err = strconv.ParseFloat("1e999", 64)
	show(err)
	_, err = strconv.ParseFloat("x", 64)
	show(err)
	_, err = strconv.ParseBool("maybe")
	show(err)
	_, err = strconv.Atoi("")
	show(err)

	_, err = strconv.Unquote("bad")
	fmt.Println(err, err == strconv.ErrSyntax, errors.Is(fmt.Errorf("config: %w", err), strconv.ErrSyntax))

	_, err = strconv.Atoi("12a")
	port := fmt.Errorf("port: %w", err)
	var ne *strconv.NumError
	fmt.Println(errors.Is(port, strconv.ErrSyntax), errors.As(port, &ne), ne.Num)
	ne2 := err.(*strconv.NumError)
	fmt.Println(ne2.Error(), ne2.Func, ne2.Num, ne2.Err == strconv.ErrSyntax)
	var u interface{ Unwrap() error } = ne2
	unwrap := ne2.Unwrap
	fmt.Println(u.Unwrap(), unwrap())
	fmt.Printf("%v|%s|%T\n", err, err, err)
	fmt.Println(errors.Is(errors.Join(errors.New("a"), err), strconv.ErrSyntax))

	var e error = withField{ne2, "port"}
	fmt.Println(e, errors.Is(e, strconv.ErrSyntax))
	var w error = wrapped{err}
	var target *strconv.NumError
	fmt.Println(errors.Is(w, strconv.ErrSyntax), errors.Unwrap(errors.Unwrap(w)) == strconv.ErrSyntax)
	fmt.Println(errors.As(w, &target), target.Func, target.Num)
}
