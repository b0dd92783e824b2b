// Bug: the producer forgets to close the results channel, so the consumer's
// range loop waits for more values forever.
package main

import "fmt"

type Lister struct {
	pages [][]string
}

func (l *Lister) stream(out chan<- string) {
	for _, p := range l.pages {
		for _, item := range p {
			out <- item
		}
	}
	// missing: close(out)
}

func main() {
	l := &Lister{pages: [][]string{{"a", "b"}, {"c"}}}
	out := make(chan string)
	go l.stream(out)
	n := 0
	for item := range out {
		n++
		fmt.Println(n, item)
	}
	fmt.Println("total", n)
}
