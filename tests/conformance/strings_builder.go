package main

import (
	"fmt"
	"strings"
)

func main() {
	sb := &strings.Builder{}
	for i := 0; i < 3; i++ {
	}
	n, err := sb.WriteString("héllo")
	fmt.Println(n, err)
	sb.WriteByte(' ')
	n, _ = sb.WriteRune('世')
	fmt.Println(n)
	sb.Write([]byte("!"))
	fmt.Println(sb.String(), sb.Len())
	sb.Reset()
	fmt.Printf("%q %d\n", sb.String(), sb.Len())
	b := new(strings.Builder)
	b.Grow(10)
	for i := 0; i < 5; i++ {
		b.WriteString(fmt.Sprint(i))
	}
	fmt.Println(b.String())
}
