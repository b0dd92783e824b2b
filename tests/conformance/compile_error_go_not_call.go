package main

import "fmt"

type worker struct{}

func (w *worker) run() { fmt.Println("run") }

func main() {
	w := &worker{}
	go w.run
}
