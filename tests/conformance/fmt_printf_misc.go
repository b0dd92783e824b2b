package main

import (
	"errors"
	"fmt"
)

func main() {
	var err error
	fmt.Printf("%v\n", err)
	err = errors.New("e1")
	fmt.Printf("%v %s %q\n", err, err, err)
	var p *int
	fmt.Printf("%v\n", p)
	fmt.Printf("%v %d\n", nil, []any{nil, 1})
	fmt.Printf("%v %v\n", int8(-5), uint16(5))
	fmt.Printf("%5t|%-7v|\n", false, nil)
	fmt.Printf("%s\n", []byte(nil))
	fmt.Printf("no args\n")
	fmt.Printf("%[2]d %[1]d\n", 1, 2)
}
