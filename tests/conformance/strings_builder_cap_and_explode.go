// strings.Builder grows as append does (Cap after writes and Grow), and
// Split(s, "") keeps an invalid byte as it is.
package main

import (
	"fmt"
	"strings"
)

func main() {
	fmt.Printf("%q\n", strings.Split("a\xffb", ""))
	fmt.Printf("%q\n", strings.SplitN("\xff\xfeé", "", 2))
	var b strings.Builder
	fmt.Println(b.Len(), b.Cap())
	b.Grow(10)
	fmt.Println(b.Len(), b.Cap())
	for i := 0; i < 40; i++ {
		b.WriteString("xy")
		fmt.Print(b.Cap(), " ")
	}
	fmt.Println()
	b.Grow(100)
	fmt.Println(b.Len(), b.Cap())
	b.Grow(10)
	fmt.Println(b.Len(), b.Cap())
	var c strings.Builder
	for i := 0; i < 30; i++ {
		c.WriteByte('a')
		c.WriteRune('é')
	}
	fmt.Println(c.Len(), c.Cap())
	b.Reset()
	fmt.Println(b.Len(), b.Cap())
}
