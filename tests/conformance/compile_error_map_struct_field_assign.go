package main

type entry struct{ hits int }

func main() {
	m := map[string]entry{"a": {}}
	m["a"].hits++
}
