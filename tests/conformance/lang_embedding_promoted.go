package main

import "fmt"

// Promoted fields and methods through several levels of embedding, by value
// and by pointer, and promoted methods satisfying interfaces.
type Base struct {
	ID   int
	Kind string
}

func (b Base) Describe() string { return fmt.Sprintf("%s#%d", b.Kind, b.ID) }
func (b *Base) SetID(id int)    { b.ID = id }

type Meta struct {
	Base
	Labels map[string]string
}

type Pod struct {
	Meta
	Node string
}

type Describer interface{ Describe() string }

type Logger struct{ prefix string }

func (l *Logger) Log(s string) { fmt.Println(l.prefix + s) }

type Service struct {
	*Logger
	Name string
}

func main() {
	p := Pod{Meta: Meta{Base: Base{ID: 1, Kind: "pod"}}, Node: "n1"}
	fmt.Println(p.ID, p.Kind, p.Meta.Base.ID, p.Describe())
	p.SetID(7)
	fmt.Println(p.ID, p.Meta.ID, p.Describe())
	var d Describer = p
	fmt.Println(d.Describe())
	var d2 Describer = &p.Meta
	fmt.Println(d2.Describe())
	fmt.Printf("%+v\n", p)

	s := Service{&Logger{"[svc] "}, "api"}
	s.Log("started " + s.Name)
	s.prefix = "[api] "
	s.Logger.Log("renamed")
}
