package main

import "fmt"

type Stat struct{ Hits int }

func main() {
	stats := map[string]Stat{"a": {}}
	p := &stats["a"]
	fmt.Println(p)
}
