package main

import "fmt"

type Reader struct{ Name string }
type Writer struct{ Name string }

type ReadWriter struct {
	Reader
	Writer
}

func main() {
	var rw ReadWriter
	fmt.Println(rw.Name)
}
