package main

func main() {
	type R struct{ R }
	type A [2]struct{ a A }
}
