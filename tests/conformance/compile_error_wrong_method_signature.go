package main

type Handler interface {
	Handle(req string) error
}

type echo struct{}

func (echo) Handle(req string) string { return req }

func main() {
	var h Handler = echo{}
	_ = h
}
