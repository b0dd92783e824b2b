// Package-level error values are one value per program: a *NumError made
// by strconv on one P holds the very strconv.ErrSyntax / ErrRange that
// another P compares it with.
package main

import (
	"fmt"
	"strconv"
	"sync"
)

func spin(n int) int {
	x := 0
	for k := 0; k < n; k++ {
		x += k
	}
	return x
}

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	syntax, rng := 0, 0
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				_, err1 := strconv.Atoi("x" + strconv.Itoa(i))
				spin(3000)
				_, err2 := strconv.ParseInt("99999999999999999999", 10, 64)
				spin(3000)
				mu.Lock()
				if err1.(*strconv.NumError).Err == strconv.ErrSyntax {
					syntax++
				}
				if err2.(*strconv.NumError).Err == strconv.ErrRange {
					rng++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println("syntax", syntax, "range", rng)
}
