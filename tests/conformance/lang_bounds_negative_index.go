// Bounds errors with a negative index leave out what it was checked
// against, as the runtime's boundsNegErrorFmts do.
package main

import "fmt"

func try(name string, f func()) {
	defer func() { fmt.Println(name, recover()) }()
	f()
}

func main() {
	s := []int{1, 2, 3}
	str := "abc"
	arr := [3]int{}
	i := -1
	try("s[i]", func() { _ = s[i] })
	try("s[i:]", func() { _ = s[i:] })
	try("s[:i]", func() { _ = s[:i] })
	try("s[1:i]", func() { _ = s[1:i] })
	try("s[:2:i]", func() { _ = s[:2:i] })
	try("str[i]", func() { _ = str[i] })
	try("str[i:]", func() { _ = str[i:] })
	try("str[:i]", func() { _ = str[:i] })
	try("arr[i]", func() { _ = arr[i] })
	try("s[5]", func() { j := 5; _ = s[j] })
	try("s[2:1]", func() { a, b := 2, 1; _ = s[a:b] })
}
