// Bug: ranging over a channel nobody closes. The tokenizer sends every word
// and returns without close(out), so main's range loop waits for a value
// that never comes after the last word.
// Shows in: every schedule, the default one included.
package main

import (
	"fmt"
	"strings"
)

func tokenize(text string, out chan<- string) {
	for _, w := range strings.Fields(text) {
		out <- strings.ToLower(w)
	}
	// bug: missing close(out)
}

func main() {
	out := make(chan string)
	go tokenize("The quick Brown fox", out)
	n := 0
	for w := range out {
		n++
		fmt.Println(n, w)
	}
	fmt.Println("words:", n)
}
