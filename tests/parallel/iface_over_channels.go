// Interface values, closures and strings built in one goroutine and used
// in another: shapes travel over channels to workers that call methods and
// send back formatted strings.
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

type Shape interface {
	Area() int
	Name() string
}

type Rect struct{ w, h int }
type Square struct{ s int }

func (r Rect) Area() int       { return r.w * r.h }
func (r Rect) Name() string    { return "rect" }
func (s *Square) Area() int    { return s.s * s.s }
func (s *Square) Name() string { return "square" }

func main() {
	shapes := make(chan Shape, 8)
	funcs := make(chan func() string, 8)
	out := make(chan string, 8)
	var wg sync.WaitGroup
	for w := 0; w < 6; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Each worker nils its own copies: the shared variables stay put.
			shapes, funcs := shapes, funcs
			for {
				select {
				case s, ok := <-shapes:
					if !ok {
						shapes = nil
						break
					}
					out <- fmt.Sprintf("%s:%d", s.Name(), s.Area())
				case f, ok := <-funcs:
					if !ok {
						funcs = nil
						break
					}
					out <- f()
				}
				if shapes == nil && funcs == nil {
					return
				}
			}
		}()
	}
	go func() {
		for i := 0; i < 600; i++ {
			if i%2 == 0 {
				shapes <- Rect{i % 10, 3}
			} else {
				shapes <- &Square{i % 9}
			}
		}
		close(shapes)
	}()
	go func() {
		for i := 0; i < 600; i++ {
			prefix := strings.Repeat("x", i%4)
			funcs <- func() string { return prefix + fmt.Sprint(i%5) }
		}
		close(funcs)
	}()
	go func() {
		wg.Wait()
		close(out)
	}()
	counts := map[string]int{}
	for s := range out {
		counts[s]++
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	total := 0
	for _, k := range keys {
		total += counts[k]
		if strings.HasPrefix(k, "square") {
			b.WriteString(fmt.Sprintf("%s=%d ", k, counts[k]))
		}
	}
	fmt.Println(len(keys), total)
	fmt.Println(b.String())
}
