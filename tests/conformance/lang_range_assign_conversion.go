// `for k, v = range x` assigns to existing variables as an assignment
// does: into an interface variable the value is boxed, and an untyped
// integer range (`range 3`, `range 1<<s`) takes the variable's type.
package main

import "fmt"

type small uint8

func main() {
	var i, j interface{}
	for i, j = range []string{"a", "b"} {
	}
	fmt.Printf("%T %v %T %v\n", i, i, j, j)
	for i = range map[string]int{"k": 1} {
	}
	fmt.Println(i)
	for i, j = range "hé" {
	}
	fmt.Printf("%v %T %v\n", i, j, j)
	ch := make(chan int, 1)
	ch <- 5
	close(ch)
	for i = range ch {
	}
	fmt.Println(i)
	for i = range 4 {
	}
	fmt.Printf("%T %v\n", i, i)
	var e error
	for _, e = range []error{nil, fmt.Errorf("last")} {
	}
	fmt.Println(e)

	var u8 uint8
	for u8 = range 3 {
	}
	var c small
	for c = range 200 {
	}
	var k int64
	const n = 7
	for k = range n {
	}
	s := uint(3)
	var w uint16
	for w = range 1 << (s + 1) {
	}
	var wrapped uint8
	for wrapped = range 1 << (s + 5) {
		fmt.Println("not reached: 1<<8 is 0 as a uint8")
	}
	fmt.Println(u8, c, k, w, wrapped)
	fmt.Printf("%T %T %T\n", u8, c, k)

	var p struct{ x int8 }
	for p.x = range 100 {
	}
	m := map[string]uint16{}
	for m["a"] = range 7 {
	}
	arr := [2]uint8{}
	for arr[1] = range 3 {
	}
	fmt.Println(p, m, arr)
}
