package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(math.Sqrt(16), math.Sqrt(2), math.Abs(-3.5), math.Floor(-1.5), math.Ceil(1.2), math.Round(2.5), math.Round(-2.5), math.Trunc(-1.9))
	fmt.Println(math.Pow(2, 10), math.Pow(1, math.NaN()), math.Exp(0), math.Log(1), math.Log2(8), math.Log2(10), math.Log10(100))
	fmt.Println(math.Max(1, 2), math.Min(1, 2), math.Max(math.NaN(), 1), math.Max(math.Inf(1), math.NaN()), math.Mod(7, 3), math.Mod(-7, 3), math.Hypot(3, 4))
	fmt.Println(math.Inf(1), math.Inf(-1), math.IsInf(math.Inf(-1), 0), math.IsInf(1, 0), math.IsNaN(math.NaN()), math.NaN() == math.NaN())
	fmt.Println(math.MaxInt, math.MinInt, math.MaxInt8, math.MinInt8, math.MaxInt16, math.MaxInt32, math.MaxInt64, math.MaxUint8, math.MaxUint16, math.MaxUint32)
	var u uint64 = math.MaxUint64
	fmt.Println(u, math.MaxFloat64, math.SmallestNonzeroFloat64, math.MaxFloat32)
	fmt.Printf("%.6f %.6f %.4f %.4f\n", math.Pi, math.E, math.Sin(math.Pi/2), math.Cos(0))
	const big = math.MaxUint64 / 2
	fmt.Println(big, math.Signbit(-1.5), math.Signbit(math.Copysign(0, -1)), math.Cbrt(27))
	fr, exp := math.Frexp(8)
	ip, fp := math.Modf(3.25)
	fmt.Println(fr, exp, ip, fp, math.Float64bits(1.0))
}
