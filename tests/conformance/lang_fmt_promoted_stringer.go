package main

import "fmt"

// A String method promoted from an embedded field makes the outer type a
// Stringer too: printing the outer value prints only the embedded part
// (the time.Time-embedding gotcha). Shadowing it restores the fields.
type Version struct{ Major, Minor int }

func (v Version) String() string { return fmt.Sprintf("v%d.%d", v.Major, v.Minor) }

type Release struct {
	Version
	Notes string
}

type Labeled struct {
	Version
	Label string
}

func (l Labeled) String() string { return l.Label + "@" + l.Version.String() }

type ptrStringer struct{ n int }

func (p *ptrStringer) String() string { return fmt.Sprint("ptr#", p.n) }

type Holder struct {
	*ptrStringer
	Extra int
}

func main() {
	r := Release{Version{1, 2}, "bug fixes"}
	fmt.Println(r)
	fmt.Printf("%v %+v %s\n", r, r, r)
	fmt.Println(r.Notes)
	l := Labeled{Version{2, 0}, "stable"}
	fmt.Println(l, []Labeled{l})
	h := Holder{&ptrStringer{7}, 1}
	fmt.Println(h)
}
