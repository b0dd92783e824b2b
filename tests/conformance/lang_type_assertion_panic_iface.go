package main

import "fmt"

// Asserting to an interface the dynamic type does not implement names the
// missing method.
type Closer interface {
	Close() error
}

type File struct{ name string }

func (f File) Name() string { return f.name }

func main() {
	var v interface{} = File{"a.txt"}
	fmt.Println(v.(File).Name())
	c := v.(Closer)
	fmt.Println(c)
}
