package main

import (
	"fmt"
	"sync"
)

func main() {
	var m sync.Map
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			m.Store(i, i*i)
		}(i)
	}
	wg.Wait()
	v, ok := m.Load(3)
	fmt.Println(v, ok)
	v, ok = m.Load(42)
	fmt.Println(v, ok)
	v, loaded := m.LoadOrStore(3, "x")
	fmt.Println(v, loaded)
	v, loaded = m.LoadOrStore("k", "x")
	fmt.Println(v, loaded)
	v, loaded = m.LoadAndDelete("k")
	fmt.Println(v, loaded)
	v, loaded = m.LoadAndDelete("k")
	fmt.Println(v, loaded)
	prev, loaded := m.Swap(4, 400)
	fmt.Println(prev, loaded)
	fmt.Println(m.CompareAndSwap(4, 16, 0), m.CompareAndSwap(4, 400, 4))
	fmt.Println(m.CompareAndDelete(5, 0), m.CompareAndDelete(5, 25))
	m.Delete(9)
	seen := make([]bool, 10)
	m.Range(func(k, v any) bool {
		seen[k.(int)] = true
		return true
	})
	fmt.Println(seen)
	n := 0
	m.Range(func(k, v any) bool {
		n++
		return n < 3
	})
	fmt.Println("stopped after", n)
	m.Clear()
	_, ok = m.Load(1)
	fmt.Println(ok)
}
