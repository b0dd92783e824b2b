package main

import "fmt"

// iota patterns: skipping values, expressions, bit flags, sizes, typed
// enums with String, and iota restarting in each const block.
type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

func (d Weekday) String() string { return [...]string{"Sun", "Mon", "Tue"}[d] }

type Perm uint

const (
	Read Perm = 1 << iota
	Write
	Exec
)

const (
	_  = iota
	KB = 1 << (10 * iota)
	MB
	GB
)

const (
	a, b = iota, iota * 10
	c, d
	_, _
	e, f
)

const (
	x = "x"
	y
	z = iota
)

type State uint8

const (
	Idle State = iota + 1
	Running
	_
	Done
)

func main() {
	fmt.Println(Sunday, Monday, Tuesday, int(Tuesday))
	fmt.Println(Read, Write, Exec, Read|Exec)
	p := Read | Write
	fmt.Println(p&Write != 0, p&Exec != 0)
	fmt.Println(KB, MB, GB)
	fmt.Println(a, b, c, d, e, f)
	fmt.Println(x, y, z)
	fmt.Println(Idle, Running, Done)
	fmt.Printf("%T %T %v\n", Monday, Done, Done-Idle)
}
