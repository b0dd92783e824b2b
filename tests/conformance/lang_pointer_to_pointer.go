package main

import "fmt"

// Pointers to pointers and to struct fields reached through pointers: the
// classic linked-list removal without a special case for the head.
type node struct {
	val  int
	next *node
}

func remove(head **node, val int) bool {
	for pp := head; *pp != nil; pp = &(*pp).next {
		if (*pp).val == val {
			*pp = (*pp).next
			return true
		}
	}
	return false
}

func list(h *node) []int {
	var out []int
	for ; h != nil; h = h.next {
		out = append(out, h.val)
	}
	return out
}

func main() {
	var head *node
	for i := 5; i >= 1; i-- {
		head = &node{i, head}
	}
	fmt.Println(list(head))
	fmt.Println(remove(&head, 1), remove(&head, 3), remove(&head, 5), remove(&head, 9))
	fmt.Println(list(head))
	x := 1
	p := &x
	pp := &p
	**pp = 2
	y := 10
	*pp = &y
	**pp = 20
	fmt.Println(x, y, *p)
}
