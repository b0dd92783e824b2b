package main

func main() {
	s := "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	for i := 0; i < 100; i++ {
		s += s
	}
	println(len(s))
}
