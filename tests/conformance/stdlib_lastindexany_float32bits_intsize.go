// strings.LastIndexAny, math.Float32bits/Float32frombits, strconv.IntSize.
package main

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

func main() {
	fmt.Println(strings.LastIndexAny("go gopher", "ordent"), strings.LastIndexAny("go gopher", "fail"), strings.LastIndexAny("héllo wörld", "éö"), strings.LastIndexAny("abc", ""))
	fmt.Println(math.Float32bits(1.5), math.Float32bits(-0.1), math.Float32frombits(0x40490fdb), math.Float32frombits(math.Float32bits(2.25)))
	var f float32 = 3.14
	b := math.Float32bits(f)
	fmt.Printf("%T %x %T\n", b, b, math.Float32frombits(b))
	fmt.Println(strconv.IntSize, strconv.IntSize == 64)
	const n = strconv.IntSize / 8
	var arr [n]byte
	fmt.Println(len(arr))
}
