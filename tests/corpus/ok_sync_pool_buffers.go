// Correct pattern: reusing scratch buffers through sync.Pool; the output
// never depends on whether a buffer was reused.
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

var bufPool = sync.Pool{
	New: func() any { return new(strings.Builder) },
}

func render(name string, n int) string {
	b := bufPool.Get().(*strings.Builder)
	defer func() {
		b.Reset()
		bufPool.Put(b)
	}()
	for i := 0; i < n; i++ {
		b.WriteString(name)
	}
	return b.String()
}

func main() {
	var mu sync.Mutex
	var out []string
	var wg sync.WaitGroup
	for i, name := range []string{"x", "yy", "z"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := render(name, i+1)
			mu.Lock()
			out = append(out, s)
			mu.Unlock()
		}()
	}
	wg.Wait()
	sort.Strings(out)
	fmt.Println(out)
}
