package main

import "fmt"

// An outer field or method shadows a promoted one of the same name; the
// embedded one stays reachable through the type name.
type Animal struct{ Name string }

func (a Animal) Speak() string { return a.Name + " makes a sound" }
func (a Animal) Kind() string  { return "animal" }

type Dog struct {
	Animal
	Name string
}

func (d Dog) Speak() string { return d.Name + " barks (" + d.Animal.Speak() + ")" }

type Speaker interface{ Speak() string }

type Inner struct{ X int }
type Outer struct {
	Inner
	X string
}

func main() {
	d := Dog{Animal{"generic"}, "rex"}
	fmt.Println(d.Speak())
	fmt.Println(d.Kind(), d.Name, d.Animal.Name)
	var s Speaker = d
	fmt.Println(s.Speak())
	s = d.Animal
	fmt.Println(s.Speak())
	o := Outer{Inner{5}, "five"}
	fmt.Println(o.X, o.Inner.X)
	fmt.Printf("%v %+v\n", o, o)
}
