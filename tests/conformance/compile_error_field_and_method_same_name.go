package main

type Queue struct {
	Len int
}

func (q *Queue) Len() int { return q.Len }

func main() {
	var q Queue
	_ = q
}
