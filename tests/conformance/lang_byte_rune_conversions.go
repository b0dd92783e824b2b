package main

import "fmt"

func main() {
	fmt.Println(string(rune(65)), string(rune(0x4E16)))
	bs := []byte("abc")
	bs[0] = 'X'
	fmt.Println(string(bs), bs)
	var c byte = 'a'
	c += 2
	fmt.Println(c, string(c))
	r := 'a' + 1
	fmt.Println(r, string(r))
	rs := []rune("日本語")
	rs[1] = '!'
	fmt.Println(string(rs), len(rs))
	fmt.Println(string([]byte{72, 105}))
	digit := '7' - '0'
	fmt.Println(digit)
	up := ""
	for _, ch := range "shout" {
		up += string(ch - 32)
	}
	fmt.Println(up)
}
