package main

import "fmt"

type Celsius float64
type Fahrenheit float64
type ID int
type Names []string

func toF(c Celsius) Fahrenheit {
	return Fahrenheit(c*9/5 + 32)
}

func main() {
	c := Celsius(100)
	fmt.Println(toF(c), toF(-40))
	fmt.Printf("%T %v\n", toF(c), toF(37))
	var id ID = 7
	id += 3
	fmt.Println(id, int(id)*2)
	ns := Names{"a", "b"}
	ns = append(ns, "c")
	fmt.Println(ns, len(ns))
	fmt.Printf("%T\n", ns)
}
