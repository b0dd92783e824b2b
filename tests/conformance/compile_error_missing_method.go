package main

type Notifier interface {
	Notify(msg string) error
	Close()
}

type Email struct{}

func (Email) Notify(msg string) error { return nil }

func main() {
	var n Notifier
	e := Email{}
	n = e
	_ = n
}
