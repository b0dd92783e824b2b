package main

type Event interface {
	Kind() string
	Key() string
}

type added struct{ key string }

func (a added) Kind() string { return "added" }

func main() {
	events := make(chan Event, 1)
	events <- added{"k"}
	<-events
}
