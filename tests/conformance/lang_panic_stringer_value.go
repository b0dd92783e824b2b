package main

type Code int

func (c Code) String() string { return "code-" + string(rune('A'+int(c))) }

// panic with a Stringer that is not an error: Go prints its String().
func main() {
	panic(Code(2))
}
