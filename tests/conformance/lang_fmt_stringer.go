package main

import "fmt"

// fmt calls String() for %v and %s (and Println), not for %d or %x on a
// numeric named type.
type Level int

const (
	Debug Level = iota
	Info
	Warn
)

func (l Level) String() string {
	switch l {
	case Debug:
		return "DEBUG"
	case Info:
		return "INFO"
	case Warn:
		return "WARN"
	}
	return fmt.Sprintf("Level(%d)", int(l))
}

type Point struct{ X, Y int }

func (p Point) String() string { return fmt.Sprintf("<%d,%d>", p.X, p.Y) }

func main() {
	fmt.Println(Info, Warn, Level(9))
	fmt.Printf("%v %s %d %x %q\n", Warn, Warn, Warn, Warn, Warn)
	fmt.Printf("%5s|%-6v|\n", Info, Debug)
	p := Point{1, 2}
	fmt.Println(p, &p)
	fmt.Printf("%v %+v %s\n", p, p, p)
	s := fmt.Sprint(p, Info)
	fmt.Println(s, len(s))
	fmt.Print(Info, "\n")
}
