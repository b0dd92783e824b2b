// Converting nil to an interface type gives that type's nil, not a
// boxed untyped nil; panic(any(nil)) is panic(nil).
package main

import "fmt"

type I interface{ M() }

func main() {
	fmt.Println(any(nil) == nil, error(nil) == nil, I(nil) == nil, fmt.Stringer(nil) == nil)
	fmt.Printf("%T %v\n", any(nil), any(nil))
	var e error = error(nil)
	fmt.Println(e == nil)
	x := interface{}(nil)
	fmt.Println(x == nil)
	defer func() { r := recover(); fmt.Printf("%v %T\n", r, r) }()
	panic(any(nil))
}
