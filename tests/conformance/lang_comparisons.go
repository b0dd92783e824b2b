package main

import "fmt"

// Structs and arrays are comparable when their fields/elements are, and can
// then be map keys; interface values compare by dynamic type and value.
type Key struct {
	Host string
	Port int
}

type Grid [2][2]int

func main() {
	a := Key{"a", 1}
	b := Key{"a", 1}
	c := Key{"a", 2}
	fmt.Println(a == b, a == c, a != c)

	hits := map[Key]int{}
	hits[a]++
	hits[b]++
	hits[c]++
	fmt.Println(hits[Key{"a", 1}], hits[c], len(hits))

	x := [3]int{1, 2, 3}
	y := [3]int{1, 2, 3}
	fmt.Println(x == y, x != [3]int{1, 2, 4})
	g1 := Grid{{1, 2}, {3, 4}}
	g2 := g1
	g2[1][1] = 0
	fmt.Println(g1 == g2, g1, g2)

	seen := map[[2]string]bool{{"a", "b"}: true}
	fmt.Println(seen[[2]string{"a", "b"}], seen[[2]string{"b", "a"}])

	var i1, i2 interface{} = 3, 3
	var i3 interface{} = int64(3)
	fmt.Println(i1 == i2, i1 == i3, i1 != nil)
	var k1, k2 any = Key{"x", 1}, Key{"x", 1}
	fmt.Println(k1 == k2)
	type pair struct {
		p *int
		s string
	}
	n := 5
	fmt.Println(pair{&n, "s"} == pair{&n, "s"})
}
