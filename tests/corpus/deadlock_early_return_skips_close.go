// Bug: the producer returns early on an error without closing its output
// channel (close is not deferred), so the consumer's range never ends.
package main

import (
	"errors"
	"fmt"
)

type Exporter struct {
	rows []string
}

func (e *Exporter) export(out chan<- string) error {
	for _, r := range e.rows {
		if r == "" {
			return errors.New("empty row") // out is never closed
		}
		out <- r
	}
	close(out)
	return nil
}

func main() {
	e := &Exporter{rows: []string{"id=1", "id=2", "", "id=4"}}
	out := make(chan string)
	errc := make(chan error, 1)
	go func() { errc <- e.export(out) }()
	for r := range out {
		fmt.Println("row", r)
	}
	fmt.Println("export error:", <-errc)
}
