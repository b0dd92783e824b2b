package main

import "fmt"

// A recursive expression tree through an interface: each node type
// evaluates and prints itself.
type Expr interface {
	Eval(env map[string]float64) float64
	String() string
}

type Num float64
type Var string
type Bin struct {
	Op   byte
	L, R Expr
}

func (n Num) Eval(map[string]float64) float64   { return float64(n) }
func (n Num) String() string                     { return fmt.Sprint(float64(n)) }
func (v Var) Eval(env map[string]float64) float64 { return env[string(v)] }
func (v Var) String() string                     { return string(v) }

func (b *Bin) Eval(env map[string]float64) float64 {
	l, r := b.L.Eval(env), b.R.Eval(env)
	switch b.Op {
	case '+':
		return l + r
	case '-':
		return l - r
	case '*':
		return l * r
	case '/':
		return l / r
	}
	panic("unknown op " + string(b.Op))
}

func (b *Bin) String() string { return fmt.Sprintf("(%v %c %v)", b.L, b.Op, b.R) }

func simplify(e Expr) Expr {
	b, ok := e.(*Bin)
	if !ok {
		return e
	}
	l, r := simplify(b.L), simplify(b.R)
	if ln, ok := l.(Num); ok {
		if rn, ok := r.(Num); ok {
			return Num((&Bin{b.Op, ln, rn}).Eval(nil))
		}
	}
	if rn, ok := r.(Num); ok && rn == 1 && b.Op == '*' {
		return l
	}
	return &Bin{b.Op, l, r}
}

func main() {
	e := &Bin{'+', &Bin{'*', Var("x"), &Bin{'-', Num(3), Num(2)}}, &Bin{'/', Var("y"), Num(4)}}
	env := map[string]float64{"x": 5, "y": 2}
	fmt.Println(e, "=", e.Eval(env))
	s := simplify(e)
	fmt.Println(s, "=", s.Eval(env))
	fmt.Printf("%T %T %v\n", s, Num(1), []Expr{Num(1), Var("z")})
	defer func() { fmt.Println("recovered:", recover()) }()
	(&Bin{'%', Num(1), Num(2)}).Eval(env)
}
