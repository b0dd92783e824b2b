package main

import "fmt"

// A pointer receiver mutates the caller's value; Go takes &c automatically
// when c is addressable.
type Counter struct {
	n int
}

func (c *Counter) Inc() { c.n++ }

func (c *Counter) Add(k int) *Counter {
	c.n += k
	return c
}

func (c *Counter) Value() int { return c.n }

type Stack struct {
	items []string
}

func (s *Stack) Push(v string) { s.items = append(s.items, v) }

func (s *Stack) Pop() (string, bool) {
	if len(s.items) == 0 {
		return "", false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

func main() {
	var c Counter
	c.Inc()
	c.Inc()
	fmt.Println(c.n, c.Value())
	c.Add(3).Add(4).Inc()
	fmt.Println(c.Value())

	arr := [2]Counter{}
	arr[1].Inc()
	fmt.Println(arr[0].n, arr[1].n)

	s := &Stack{}
	s.Push("a")
	s.Push("b")
	s.Push("c")
	for {
		v, ok := s.Pop()
		if !ok {
			break
		}
		fmt.Print(v, " ")
	}
	fmt.Println()
}
