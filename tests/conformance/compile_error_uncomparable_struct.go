package main

import "fmt"

type Request struct {
	Path    string
	Headers []string
}

func main() {
	a, b := Request{Path: "/"}, Request{Path: "/"}
	fmt.Println(a == b)
}
