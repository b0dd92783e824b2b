// Gotcha: a channel that was never made is nil, and nil channels block.
//
// `var results chan int` (or a struct field left out of a literal)
// declares a channel but does not create one: its value is nil. Sending
// to or receiving from a nil channel blocks forever, with no error at the
// point of the mistake. Here the job's results channel was forgotten, so
// the worker blocks on its send and main blocks on its receive; when every
// goroutine is blocked, the runtime stops the program.
//
// Expected: prints "waiting for job build", then exits with status 2 and
// `fatal error: all goroutines are asleep - deadlock!`, listing goroutine 1
// as [chan receive (nil chan)] and the worker as [chan send (nil chan)].
//
// What to watch: both lanes blocked with the "(nil chan)" wait reasons,
// which are different from plain "chan send"/"chan receive": no arrow can
// ever reach them. With nothing left to run, the deadlock report appears.
// The fix is `results: make(chan int)` in the literal.
package main

import "fmt"

type job struct {
	name    string
	results chan int
}

func run(j job) {
	j.results <- len(j.name) // blocks forever: j.results is nil
}

func main() {
	j := job{name: "build"} // BUG: results is left nil
	go run(j)
	fmt.Println("waiting for job", j.name)
	fmt.Println("result:", <-j.results)
}
