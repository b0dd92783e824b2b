package main

func main() {
	a := 1
	b := 2
}
