// Bug: a merge loop disables each input by setting it to nil once it is
// closed, but forgets to stop when both are nil; select over only nil
// channels blocks forever.
package main

import "fmt"

func source(vals ...int) <-chan int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for _, v := range vals {
			ch <- v
		}
	}()
	return ch
}

type Merger struct{ sum int }

func (m *Merger) Merge(a, b <-chan int) {
	for { // missing: for a != nil || b != nil
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				continue
			}
			m.sum += v
		case v, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			m.sum += v
		}
	}
}

func main() {
	m := &Merger{}
	fmt.Println("merging")
	m.Merge(source(1, 2, 3), source(10, 20))
	fmt.Println("sum", m.sum)
}
