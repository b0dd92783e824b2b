package main

import (
	"fmt"
	"sync"
)

// go and defer with method calls evaluate the receiver (and arguments)
// when the statement runs, not when the call happens.
type Logger struct{ prefix string }

func (l Logger) Log(msg string) { fmt.Println(l.prefix + msg) }
func (l *Logger) PLog(msg string) { fmt.Println(l.prefix + msg) }

type Worker struct {
	id int
	wg *sync.WaitGroup
	out chan<- int
}

func (w Worker) Run(n int) {
	defer w.wg.Done()
	w.out <- w.id * n
}

func main() {
	l := Logger{"[a] "}
	defer l.Log("deferred value receiver")
	defer l.PLog("deferred pointer receiver")
	l.prefix = "[b] "
	l.Log("now")

	var wg sync.WaitGroup
	out := make(chan int, 3)
	w := Worker{1, &wg, out}
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go w.Run(10)
		w.id++
	}
	wg.Wait()
	close(out)
	sum := 0
	for v := range out {
		sum += v
	}
	fmt.Println("sum", sum)
	var mu sync.Mutex
	mu.Lock()
	defer mu.Unlock()
	fmt.Println("locked")
}
