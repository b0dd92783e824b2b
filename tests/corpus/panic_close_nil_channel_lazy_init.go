// Bug: the notification channel is created lazily on the first Watch, but
// Close closes it unconditionally; closing before any Watch closes a nil
// channel and panics.
package main

import "fmt"

type Notifier struct {
	ch chan string
}

func (n *Notifier) Watch() <-chan string {
	if n.ch == nil {
		n.ch = make(chan string, 1)
	}
	return n.ch
}

func (n *Notifier) Close() {
	close(n.ch)
}

func main() {
	used := &Notifier{}
	_ = used.Watch()
	used.Close()
	fmt.Println("closed used notifier")
	unused := &Notifier{}
	unused.Close()
	fmt.Println("unreachable")
}
