package main

import "fmt"

// Comma-ok type assertions never panic: to concrete types, to interfaces,
// on nil interfaces.
type Stringer interface{ String() string }

type ID int

func (i ID) String() string { return fmt.Sprintf("ID-%d", int(i)) }

func describe(v interface{}) string {
	if s, ok := v.(string); ok {
		return "string " + s
	}
	if n, ok := v.(int); ok {
		return fmt.Sprint("int ", n)
	}
	if st, ok := v.(Stringer); ok {
		return "stringer " + st.String()
	}
	return fmt.Sprintf("other %T", v)
}

func main() {
	fmt.Println(describe("x"))
	fmt.Println(describe(42))
	fmt.Println(describe(ID(7)))
	fmt.Println(describe(3.5))
	fmt.Println(describe(nil))
	var i interface{}
	n, ok := i.(int)
	fmt.Println(n, ok)
	var s Stringer
	id, ok := s.(ID)
	fmt.Println(id, ok)
	i = ID(3)
	id, ok = i.(ID)
	fmt.Println(id, ok, int(id))
	p, ok := i.(*ID)
	fmt.Println(p, ok)
}
