package main

import "fmt"

type Closer interface{ Close() error }

type file struct{}

func (f *file) Close() error { return nil }

func main() {
	var c Closer = &file{}
	switch c.(type) {
	case file:
		fmt.Println("file")
	}
}
