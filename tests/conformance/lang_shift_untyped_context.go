// `1<<s` with a non-constant s takes the type its context gives the
// constant 1 (the spec's shift rule): a uint32 next to x, a uint8 when
// assigned to one, an int when nothing decides.
package main

import "fmt"

type flags uint16

func takeByte(b uint8) uint8 { return b }

func pairOf(s uint) (uint8, int64) { return 1 << (s + 4), -1 << s }

func main() {
	var x uint32 = 2
	g := 3
	y := x | 1<<uint(g)
	fmt.Printf("%T %v\n", y, y)

	s := uint(3)
	var b uint8 = 1 << s
	var b2 uint8 = 1<<(s+4) + 1<<s
	var f flags = 1<<s | 1
	z := 1 << s
	r := 'a' << (s - 3)
	fmt.Printf("%v %v %v %T %v %T %v\n", b, b2, f, z, z, r, r)

	// Wrapping happens in the context's type.
	var w uint8 = 1 << (s + 5) << 1
	var n int8 = 127
	fmt.Println(w, n+1<<s, ^(1 << s) & b2, -(1 << s))

	// Comparison and op-assignment.
	var mask uint32 = 7
	fmt.Println(mask == 1<<s-1, mask&^(1<<(s-1)), 1<<s == 1<<33)
	mask |= 1 << (s + 28)
	fmt.Println(mask)
	var big int64 = 5
	if big < 1<<s {
		fmt.Println("below", 1<<s)
	}

	// Arguments, results, conversions, composite literals, sends, map keys,
	// append, switch cases, indices.
	fmt.Println(takeByte(1<<(s+4)), uint16(1<<(s+12)), int8(1<<(s+4)))
	fmt.Println(pairOf(s))
	arr := [3]uint8{1 << s, 2 << s, 1 << (s + 4)}
	ch := make(chan uint16, 1)
	ch <- 1 << (s + 12)
	m := map[uint8]string{1 << s: "eight"}
	m[2<<s] = "sixteen"
	delete(m, 1<<s)
	sl := append([]uint8{}, 1<<(s+4), 1<<(s+5))
	fmt.Println(arr, <-ch, m, sl)
	switch uint8(8) {
	case 1 << s:
		fmt.Println("case 1<<s")
	}
	nums := []int{10, 20, 30, 40, 50, 60, 70, 80, 90}
	fmt.Println(nums[1.0<<s], nums[:1<<(s-2)], len(make([]byte, 1.0<<s)))
	var i interface{} = 1 << s
	fmt.Printf("%T %v\n", i, i)

	// The count is read when the shift is evaluated.
	var u uint16
	u, s = 1<<s, 9
	fmt.Println(u, s)
}
