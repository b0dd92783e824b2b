package main

import "fmt"

// Type switches: case nil, several types in one case (the variable keeps the
// interface type), default, and a switch without a bound variable.
type Temp float64

func classify(v interface{}) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("integer %v (%T)", x, x)
	case string:
		return "string of len " + fmt.Sprint(len(x))
	case []int:
		return fmt.Sprint("slice sum ", x[0]+x[len(x)-1])
	case Temp:
		return fmt.Sprintf("temp %.1f", float64(x))
	case error:
		return "error " + x.Error()
	case func() int:
		return fmt.Sprint("func ", x())
	default:
		return fmt.Sprintf("other %T", x)
	}
}

type myErr struct{}

func (myErr) Error() string { return "boom" }

func kind(v any) string {
	switch v.(type) {
	case bool:
		return "bool"
	case map[string]int:
		return "map"
	}
	return "?"
}

func main() {
	vals := []interface{}{nil, 1, int64(2), "abc", []int{1, 2, 3}, Temp(36.6), myErr{},
		func() int { return 9 }, 2.5, struct{}{}, &myErr{}}
	for _, v := range vals {
		fmt.Println(classify(v))
	}
	fmt.Println(kind(true), kind(map[string]int{}), kind(1))
}
