package main

import "fmt"

type Config struct{ Name string }

func (c Config) Describe() string { return "config " + c.Name }

// Calling a value method through a nil pointer dereferences it.
func main() {
	c := &Config{"a"}
	fmt.Println(c.Describe())
	c = nil
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	fmt.Println(c.Describe())
}
