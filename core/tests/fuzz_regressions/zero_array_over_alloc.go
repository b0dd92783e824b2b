package main

func main() {
	var a [1 << 24]int
	println(len(a))
}
