package main

import "fmt"

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}

func main() {
	counts := map[string]int{}
	for _, w := range []string{"a", "b", "a", "c", "b", "a"} {
		counts[w]++
	}
	for _, k := range sortedKeys(counts) {
		fmt.Println(k, counts[k])
	}
	v, ok := counts["zzz"]
	fmt.Println(v, ok, len(counts))
	delete(counts, "a")
	delete(counts, "nope")
	fmt.Println(len(counts), counts)
	m2 := make(map[int][]string)
	m2[1] = append(m2[1], "x")
	m2[1] = append(m2[1], "y")
	fmt.Println(m2)
	type key struct{ a, b int }
	pts := map[key]bool{{1, 2}: true}
	fmt.Println(pts[key{1, 2}], pts[key{2, 1}])
}
