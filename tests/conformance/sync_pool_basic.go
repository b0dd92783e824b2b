package main

import (
	"fmt"
	"sync"
)

type Buf struct{ data []byte }

var made int

var pool = sync.Pool{
	New: func() any {
		made++
		return &Buf{}
	},
}

func main() {
	b := pool.Get().(*Buf)
	b.data = append(b.data, "hi"...)
	fmt.Println(string(b.data), made)
	var empty sync.Pool
	fmt.Println(empty.Get())
	empty.Put("x")
	empty.Put(nil)
	fmt.Println(empty.Get())
}
