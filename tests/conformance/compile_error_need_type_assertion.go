package main

import "fmt"

type Store interface{ Get(k string) string }

type mem struct{}

func (mem) Get(k string) string { return k }

func main() {
	var s Store = mem{}
	var m mem = s
	fmt.Println(m)
}
