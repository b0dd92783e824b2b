package main

import "fmt"

// Anonymous struct types: variables, slices of them (table-driven tests),
// and assignability between identical anonymous types.
func main() {
	cfg := struct {
		Host string
		Port int
	}{"localhost", 8080}
	fmt.Println(cfg.Host, cfg.Port)
	fmt.Printf("%v %+v\n", cfg, cfg)

	tests := []struct {
		name string
		in   int
		want int
	}{
		{"zero", 0, 0},
		{"one", 1, 1},
		{"five", 5, 25},
	}
	for _, tc := range tests {
		got := tc.in * tc.in
		fmt.Printf("%s: got=%d ok=%v\n", tc.name, got, got == tc.want)
	}

	var a struct{ X, Y int }
	b := struct{ X, Y int }{1, 2}
	a = b
	fmt.Println(a == b, a)

	type point struct{ X, Y int }
	pt := point(b)
	fmt.Println(pt)

	var empty struct{}
	set := map[string]struct{}{"k": empty}
	_, ok := set["k"]
	fmt.Println(ok, len(set), empty)

	nested := struct {
		Inner struct{ V []int }
	}{}
	nested.Inner.V = append(nested.Inner.V, 4)
	fmt.Printf("%+v\n", nested)
}
