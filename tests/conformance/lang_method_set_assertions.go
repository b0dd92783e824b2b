package main

import "fmt"

// Run-time method sets: an interface assertion succeeds for *T when the
// method has a pointer receiver, but not for T stored by value.
type Resetter interface{ Reset() }
type Namer interface{ Name() string }

type Buf struct{ data []byte }

func (b *Buf) Reset()        { b.data = b.data[:0] }
func (b Buf) Name() string   { return fmt.Sprint("buf", len(b.data)) }

func check(v any) {
	_, r := v.(Resetter)
	_, n := v.(Namer)
	fmt.Printf("%T resetter=%v namer=%v\n", v, r, n)
}

func main() {
	b := Buf{data: []byte("abc")}
	check(b)
	check(&b)
	var n Namer = &b
	if r, ok := n.(Resetter); ok {
		r.Reset()
	}
	fmt.Println(n.Name(), len(b.data))
	var n2 Namer = b
	_, ok := n2.(Resetter)
	fmt.Println(ok)
}
