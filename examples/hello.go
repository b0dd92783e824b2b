// Hello, goroutine: a first goroutine and a first channel.
//
// main starts one goroutine with `go`, and that goroutine sends a greeting
// on an unbuffered channel. main receives it and prints it. The receive is
// not only how the string travels: it is also the synchronisation, because
// main cannot get past `<-messages` before greet has sent.
//
// What to watch: two goroutine lanes, main (goroutine 1) and greet. main
// usually reaches the receive first and its lane turns blocked with wait
// reason "chan receive"; greet's send then draws an arrow straight into
// main's lane (a direct hand-off: nothing is ever stored in the channel),
// main becomes runnable again, prints, and the program exits.
package main

import "fmt"

func greet(name string, out chan<- string) {
	out <- "hello, " + name
}

func main() {
	messages := make(chan string)
	go greet("gopher", messages)
	msg := <-messages
	fmt.Println(msg)
}
