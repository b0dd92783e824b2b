package main

func main() {
	var a, b [1 << 16][1 << 16]int
	n := 0
	for i := 0; i < 10; i++ {
		if a == b {
			n++
		}
	}
	println(n)
}
