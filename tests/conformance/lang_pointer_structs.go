package main

import "fmt"

// Pointers to structs, to fields and to array/slice elements, and aliasing
// through them.
type Node struct {
	Val  int
	Next *Node
}

type Pair struct{ A, B int }

func push(head *Node, v int) *Node { return &Node{Val: v, Next: head} }

func main() {
	var head *Node
	for i := 1; i <= 4; i++ {
		head = push(head, i)
	}
	for n := head; n != nil; n = n.Next {
		fmt.Print(n.Val, " ")
	}
	fmt.Println()

	p := Pair{1, 2}
	pa := &p.A
	*pa = 10
	pb := &p.B
	*pb += *pa
	fmt.Println(p)

	arr := [3]int{1, 2, 3}
	e := &arr[1]
	*e = 20
	fmt.Println(arr)

	s := []Pair{{1, 1}, {2, 2}}
	q := &s[0]
	q.A = 100
	fmt.Println(s)

	pp := &p
	alias := pp
	alias.B = -1
	fmt.Println(p.B, pp.B, pp == alias)

	n := new(Node)
	n.Val = 9
	fmt.Println(n.Val, n.Next == nil)

	ptrs := &pp
	(*ptrs).A = 7
	fmt.Println(p.A, (**ptrs).A)

	copyOf := *pp
	copyOf.A = 0
	fmt.Println(p.A, copyOf.A)
}
