package main

import "fmt"

type Handler interface {
	ServeRequest(path string) string
}

type static struct{}

func (static) Serve(path string) string { return path }

func handle(h Handler) { fmt.Println(h.ServeRequest("/")) }

func main() {
	handle(static{})
}
