package main

func main() {
	var a [1 << 20][1 << 20]int
	for i := 0; i < 100; i++ {
		a[i][0] = 1
	}
	println(len(a))
}
