package main

import (
	"errors"
	"fmt"
)

// The first matching case wins, so interface cases shadow later concrete
// ones; the switch expression is evaluated once.
type Named interface{ Name() string }

type User struct{ name string }

func (u User) Name() string    { return u.name }
func (u User) String() string  { return "user:" + u.name }

var calls int

func next(v any) any {
	calls++
	return v
}

func main() {
	for _, v := range []any{User{"ann"}, errors.New("e"), 7} {
		switch x := next(v).(type) {
		case fmt.Stringer:
			fmt.Println("stringer", x.String())
		case Named:
			fmt.Println("named", x.Name())
		case error:
			fmt.Println("error", x)
		default:
			fmt.Println("default", x)
		}
	}
	fmt.Println("calls", calls)
	var n Named = User{"bob"}
	switch u := n.(type) {
	case User:
		fmt.Println(u.name)
	}
}
