package main

import "fmt"

func main() {
	x := 3.14159265
	fmt.Printf("%f|%.2f|%8.3f|%-8.2f|%08.3f\n", x, x, x, x, x)
	fmt.Printf("%e|%E|%.3e\n", 123456.789, 0.000123, x)
	fmt.Printf("%g|%g|%g|%g|%G\n", 100000.0, 1e21, 1e-5, 0.5, 1e-10)
	fmt.Printf("%.3g|%.10g\n", x, x)
	fmt.Printf("%v|%v\n", 2.0, 1e6)
	fmt.Printf("%+.1f|% .1f\n", 2.5, 2.5)
	fmt.Printf("%.0f %.0f %.0f\n", 0.5, 1.5, 2.5)
	zero := 0.0
	fmt.Printf("%f %f %5.1f|\n", zero/zero, 1/zero, -1/zero)
	fmt.Printf("%6.2f%%\n", 99.5)
}
