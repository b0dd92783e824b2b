// Correct: ownership handed over through channels. The builder fills a
// buffer and sends it; the encoder mutates it and sends it back; main reads
// it last. Every handoff orders the previous owner's writes before the next
// owner's accesses, so the unlocked mutations never race.
package main

import (
	"fmt"
	"strings"
)

type Buffer struct {
	lines []string
}

func main() {
	toEncoder := make(chan *Buffer)
	back := make(chan *Buffer)
	go func() {
		b := <-toEncoder
		for i, l := range b.lines {
			b.lines[i] = strings.ToUpper(l)
		}
		back <- b
	}()
	b := &Buffer{}
	b.lines = append(b.lines, "alpha", "beta")
	toEncoder <- b
	b = <-back
	fmt.Println(b.lines)
}
