package main

import (
	"fmt"
)

type Animal interface{ Sound() string }
type Dog struct{}
type Cat struct{}

func (Dog) Sound() string  { return "woof" }
func (*Cat) Sound() string { return "meow" }

// Failed assertions recovered as errors: the messages match Go's
// *runtime.TypeAssertionError for concrete, pointer and interface targets.
func try(f func()) {
	defer func() {
		r := recover()
		err, ok := r.(error)
		fmt.Println(ok, err)
	}()
	f()
}

func main() {
	var a Animal = Dog{}
	try(func() { _ = a.(*Cat) })
	var x any = 5
	try(func() { _ = x.(Animal) })
	try(func() { _ = x.(string) })
	var none any
	try(func() { _ = none.(int) })
	try(func() { _ = none.(Animal) })
	var b Animal = &Cat{}
	try(func() { _ = b.(Dog) })
	try(func() { fmt.Println(b.(*Cat).Sound()) })
}
