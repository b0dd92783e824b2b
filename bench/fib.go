// Recursive fib: the interpreter's call and arithmetic speed.
// One op = one fib(N) evaluation (N fixed at 30 for the table).
package main

import "fmt"

const N = 30

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	fmt.Println(fib(N))
}
