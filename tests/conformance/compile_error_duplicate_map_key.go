package main

func main() {
	_ = map[int]string{1: "a", 1 + 0: "c"}
	_ = map[string]int{"a": 1, "a": 2}
	_ = map[float64]int{1.5: 1, 1.5: 2}
	_ = map[bool]int{true: 1, true: 2}
	_ = map[any]int{1: 1, 1: 2, "x": 3, "x": 4}
	_ = map[int8]int{'a': 1, 97: 2}
	_ = map[rune]int{'a': 1, 'a': 2}
}
