// Float-to-integer conversions of values out of range, NaN and infinities
// give what amd64 gives (the spec leaves them to the implementation).
package main

import (
	"fmt"
	"math"
)

func main() {
	vals := []float64{math.Inf(1), math.Inf(-1), math.NaN(), 1e300, -1e300, -1.5, 5e9, -3e9, 3e9, 1e19, 9.3e18, -9.3e18, 255.9, 256.5, -0.5, 70000.7, -70000.7}
	for _, f := range vals {
		fmt.Println(f, int64(f), int32(f), int16(f), int8(f), int(f), uint64(f), uint32(f), uint16(f), uint8(f), uint(f), uintptr(f))
		g := float32(f)
		fmt.Println(" f32", int64(g), int32(g), uint64(g), uint32(g), uint8(g))
	}
}
