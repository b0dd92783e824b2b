package main

import "fmt"

// A method value binds its receiver when it is evaluated: a value receiver is
// copied then, a pointer receiver keeps pointing at the variable.
type Acc struct{ total int }

func (a Acc) Get() int    { return a.total }
func (a *Acc) Add(n int)  { a.total += n }
func (a *Acc) Peek() int  { return a.total }

func apply(f func(int), xs ...int) {
	for _, x := range xs {
		f(x)
	}
}

func main() {
	a := Acc{total: 1}
	get := a.Get
	add := a.Add
	peek := a.Peek
	add(10)
	apply(add, 1, 2, 3)
	fmt.Println(get(), peek(), a.total)

	var fs []func() int
	for i := 0; i < 3; i++ {
		b := Acc{total: i * 100}
		fs = append(fs, b.Get)
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	done := make(chan bool)
	inc := a.Add
	go func() {
		inc(1000)
		done <- true
	}()
	<-done
	fmt.Println(a.total)
}
