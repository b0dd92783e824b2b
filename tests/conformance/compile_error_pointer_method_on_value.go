package main

type Node struct{ next *Node }

func (n *Node) Len() int { return 1 }

func main() {
	Node{}.Len()
}
