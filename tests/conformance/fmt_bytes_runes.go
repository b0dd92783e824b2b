package main

import "fmt"

func main() {
	b := []byte("hi!")
	fmt.Println(b)
	fmt.Printf("%s %v %q\n", b, b, b)
	r := []rune("héllo")
	fmt.Println(r, len(r))
	fmt.Println(string(r), string(b))
	var c byte = 'z'
	fmt.Println(c, string(c))
	fmt.Printf("%c %d\n", c, c)
}
