package main

func main() {
	s := make([][65536]int, 65536)
	for i := range s {
		s[i][0] = 1
	}
	println(len(s))
}
