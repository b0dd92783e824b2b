package main

import (
	"fmt"
	"runtime"
)

// The dynamic types of recovered runtime errors, and runtime.Error.
func catch(f func()) {
	defer func() {
		r := recover()
		_, isRT := r.(runtime.Error)
		fmt.Printf("%T %v\n", r, isRT)
	}()
	f()
}

func main() {
	s := []int{}
	k := 1
	catch(func() { _ = s[k] })
	var m map[int]int
	catch(func() { m[0] = 0 })
	var p *struct{ x int }
	catch(func() { p.x = 1 })
	catch(func() { _ = k / (k - 1) })
	var a any = "s"
	catch(func() { _ = a.(int) })
	catch(func() { panic("plain") })
	catch(func() { panic(fmt.Errorf("e")) })
}
