package main

import (
	"fmt"
	"sync"
)

// Pointers to array and slice elements handed to goroutines, and what
// append's reallocation does to an element pointer.
type Slot struct {
	ID  int
	Val int
}

func fill(s *Slot, wg *sync.WaitGroup) {
	defer wg.Done()
	s.Val = s.ID * s.ID
}

func main() {
	var slots [4]Slot
	var wg sync.WaitGroup
	for i := range slots {
		slots[i].ID = i + 1
		wg.Add(1)
		go fill(&slots[i], &wg)
	}
	wg.Wait()
	fmt.Println(slots)

	sl := make([]Slot, 1, 1)
	p := &sl[0]
	p.Val = 1
	sl = append(sl, Slot{ID: 2}) // reallocates: p points into the old array
	p.Val = 99
	fmt.Println(sl[0].Val, p.Val, len(sl), cap(sl) >= 2)

	big := make([]Slot, 1, 4)
	q := &big[0]
	big = append(big, Slot{ID: 3}) // fits: q still aliases big[0]
	q.Val = 7
	fmt.Println(big[0].Val)

	grid := [2][2]int{}
	cell := &grid[1][0]
	*cell = 5
	row := &grid[0]
	row[1] = 6
	fmt.Println(grid)

	counts := map[string]*int{}
	for _, w := range []string{"a", "b", "a"} {
		if counts[w] == nil {
			counts[w] = new(int)
		}
		*counts[w]++
	}
	fmt.Println(*counts["a"], *counts["b"])
}
