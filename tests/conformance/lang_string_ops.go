package main

import "fmt"

func main() {
	s := "hello"
	t := s + ", " + "world"
	fmt.Println(t, len(t))
	fmt.Println(s < "help", s == "hello", "a" < "b", "Z" < "a")
	fmt.Println(t[7:], t[:5], t[3:4])
	u := s
	u += "!"
	fmt.Println(s, u)
	fmt.Println(`raw\nstring`)
	multi := "tab:\t| nl escaped: \\n | quote: \" | unicode: \u00e9"
	fmt.Println(multi)
	var b []byte
	for i := 0; i < 3; i++ {
		b = append(b, "abc"[i])
	}
	fmt.Println(string(b))
}
