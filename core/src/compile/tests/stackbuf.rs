//! The stack-buffer analysis for `append` (compile/stackbuf.rs): the
//! inlining cost model against cmd/compile's, and the code it leads to.
//! Runtime behaviour is checked against Go by the lang_append_* conformance
//! programs.

use crate::compile::{compile, disasm, inline_costs};
use crate::syntax::parse_file;
use crate::vm::op::{Op, ESIZE_BUF, ESIZE_NOESC};
use crate::vm::program::{FuncProto, Program};

fn build(src: &str) -> Program {
    let file = parse_file(src).expect("parse");
    match compile(&file) {
        Ok(p) => p,
        Err(d) => panic!("compile errors:\n{}", d.render("x.go")),
    }
}

fn func<'a>(p: &'a Program, name: &str) -> &'a FuncProto {
    p.funcs
        .iter()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("no {} in\n{}", name, disasm(p)))
}

/// The `esize` codes of the function's appends.
fn appends(f: &FuncProto) -> Vec<u16> {
    f.code
        .iter()
        .filter_map(|op| match op {
            Op::Append { esize, .. } | Op::AppendSlice { esize, .. } => Some(*esize),
            _ => None,
        })
        .collect()
}

/// Checks estimated inlining costs against `expect` ("name cost, ...").
fn check_costs(src: &str, expect: &str) {
    let file = parse_file(src).expect("parse");
    let got = inline_costs(&file);
    let mut bad = Vec::new();
    for item in expect.split(", ") {
        let (name, cost) = item.split_once(' ').unwrap();
        let want: i32 = cost.parse().unwrap();
        if got.get(name) != Some(&Some(want)) {
            bad.push(format!("{}: want {}, got {:?}", name, want, got.get(name)));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

// Costs are what `go build -gcflags=-m=2` (Go 1.27.3) reports for each
// function ("can inline f with cost N" / "cost N exceeds budget 80").
const CAL_A: &str = r#"package main

import "fmt"

var g []int

func f1(xs []int) int { return len(xs) }
func f2(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}
func f3(xs []int) int {
	t := 0
	for i := 0; i < len(xs); i++ {
		t += xs[i] * 2
	}
	return t
}
func f4(xs []int) { fmt.Println(len(xs)) }
func f5(xs []int) { fmt.Println("a", len(xs), xs[0]) }
func f6(xs []int) { g = xs }
func f7(n int) []int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return s
}
func f8(a, b int) int {
	if a > b {
		return a
	}
	return b
}
func f9(xs []int) int {
	m := xs[0]
	for _, x := range xs {
		if x > m {
			m = x
		}
	}
	return m
}
func f10(xs []int, v int) bool {
	for _, x := range xs {
		if x == v {
			return true
		}
	}
	return false
}
func f11(n int) int {
	if n < 2 {
		return n
	}
	return f11(n-1) + f11(n-2)
}
func f12(s string) { fmt.Printf("%s\n", s) }
func f13(xs []int) []int {
	out := make([]int, 0, len(xs))
	for _, x := range xs {
		if x%2 == 0 {
			out = append(out, x)
		}
	}
	return out
}
func f14(ch chan int, xs []int) {
	for _, x := range xs {
		ch <- x
	}
	close(ch)
}
func f15(m map[string]int, k string) int {
	v, ok := m[k]
	if !ok {
		return -1
	}
	return v
}
func f16(xs []int) int { return f2(xs) + f1(xs) }
func f17(x int) { fmt.Println(x); fmt.Println(x) }
func f18(xs []int) { for i := range xs { xs[i] = i } }
func f19(xs []string) string {
	s := ""
	for _, x := range xs {
		s += x + ","
	}
	return s
}
func f20() { defer fmt.Println("x") }
type P struct{ x, y int }
func f21(p P) int { return p.x + p.y }
func f22(p *P) { p.x++ }
func f23(a []int) int { return a[len(a)-1] }
func f24(a []int) []int { return a[1:] }
func f25(x int) string { return fmt.Sprint(x) }

func main() {
	xs := []int{1, 2, 3}
	fmt.Println(f1(xs), f2(xs), f3(xs), f7(3), f8(1, 2), f9(xs), f10(xs, 1), f11(3), f13(xs), f15(nil, ""), f16(xs), f19(nil), f21(P{}), f23(xs), f24(xs), f25(1))
	f4(xs); f5(xs); f6(xs); f12(""); f14(make(chan int, 3), xs); f17(1); f18(xs); f20(); f22(&P{})
}
"#;

const CAL_B: &str = r#"package main

import "fmt"

func a0()          { fmt.Println() }
func a1(x int)     { fmt.Println(x) }
func a2(x int)     { fmt.Println(x, x) }
func a3(x int)     { fmt.Println(x, x, x) }
func b1(s string)  { fmt.Println(s) }
func b2()          { fmt.Println("lit") }
func c1(xs []int)  { fmt.Println(len(xs)) }
func c2(xs []int)  { fmt.Println(xs) }
func c3(xs []int)  { fmt.Println(xs[0]) }
func d1(x int)     { fmt.Printf("%d\n", x) }
func d2(x int)     { fmt.Printf("%d %d\n", x, x) }
func e1(x int)     { fmt.Print(x) }
func e2(x int) string { return fmt.Sprintf("%d", x) }
func e3(x int) string { return fmt.Sprint(x) }
func g1()          { println(1) }
func g2(x int)     { panic(x) }
func g3(x float64) { fmt.Println(x) }
func g4(b bool)    { fmt.Println(b) }
func h1(x int) int { y := x + 1; return y * 2 }
func h2(x int) int { if x > 0 { x++ } else { x-- }; return x }
func h3(xs []int) int { s := 0; for i := 0; i < 10; i++ { s += i }; return s + len(xs) }
func h4(ch chan int) int { return <-ch }
func h5(m map[int]int) { m[1] = 2 }
func h6(x int) []int { return []int{x, x} }
func h7(x int) int { switch x { case 1: return 2; case 2: return 3 }; return 0 }
func h8(xs []int) []int { return append(xs, 1) }
func h9(xs []int) { copy(xs, xs) }
func h10(x int) int { var a [4]int; a[x] = 1; return a[0] }
func main() {
	a0(); a1(1); a2(1); a3(1); b1(""); b2(); c1(nil); c2(nil); c3(nil); d1(1); d2(1); e1(1); _ = e2(1); _ = e3(1); g1(); g3(1); g4(true)
	_ = h1(1) + h2(1) + h3(nil) + h4(nil) + h7(1) + h10(1)
	h5(nil); _ = h6(1); _ = h8(nil); h9(nil)
	defer g2(1)
}
"#;

const CAL_C: &str = r#"package main

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

type P struct{ x, y int }

var mu sync.Mutex
var wg sync.WaitGroup

func k1() P               { return P{1, 2} }
func k2() *P              { return &P{x: 1} }
func k3() map[string]int  { return map[string]int{"a": 1} }
func k4(x int) float64    { return float64(x) / 2 }
func k5(b []byte) string  { return string(b) }
func k6(s string) []byte  { return []byte(s) }
func k7(a, b int) (int, int) { return b, a }
func k8(a, b int) int     { a, b = b, a; return a - b }
func k9() func() int      { return func() int { return 1 } }
func k10(ch chan int)     { select { case v := <-ch: _ = v; default: } }
func k11(x int) int {
	switch {
	case x > 10:
		return 1
	default:
		return 0
	}
}
func k12()                { mu.Lock(); mu.Unlock() }
func k13()                { wg.Done() }
func k14()                { time.Sleep(time.Millisecond) }
func k15() error          { return errors.New("x") }
func k16(x int) int {
outer:
	for i := 0; i < x; i++ {
		for j := 0; j < x; j++ {
			if j > i {
				continue outer
			}
		}
	}
	return x
}
func k17(s string) int    { return len(s) + int(s[0]) }
func k18(xs []int) []int  { ys := xs[:0]; return ys }
func k19(n int) []int     { return make([]int, n) }
func k20(f func(int) int) int { return f(1) }
func k21(m map[int]bool, k int) { delete(m, k) }
func k22(x int) string    { return fmt.Sprintf("%d-%d", x, x) }
func k23(xs []int) int    { return k19(len(xs))[0] }
func k24(x uint8) int     { return int(x) << 2 }
func k25(p P) P           { p.x = 3; return p }
func k26(xs []string) string { s := ""; for i := range xs { s += xs[i] }; return s }
func k27(ch chan int)     { for v := range ch { _ = v } }
func k28(x int) bool      { return x > 0 && x < 10 || x == 100 }
func k29() int            { var a, b int = 1, 2; return a + b }
func k30(x int) int       { for { if x > 3 { break }; x++ }; return x }

func main() {
	_, _, _, _, _, _ = k1(), k2(), k3(), k4(1), k5(nil), k6("")
	_, _ = k7(1, 2)
	_, _ = k8(1, 2), k9()
	k10(nil); _ = k11(1); k12(); k13(); k14(); _ = k15(); _ = k16(1); _ = k17("a"); _ = k18(nil); _ = k19(1); _ = k20(nil); k21(nil, 1); _ = k22(1); _ = k23(nil); _ = k24(1); _ = k25(P{}); _ = k26(nil); k27(nil); _ = k28(1); _ = k29(); _ = k30(1)
}
"#;

const CAL_D: &str = r#"package main

import "fmt"

func l1(n int) int {
	var s []int
	f := func(x int) int { return x * 2 }
	for i := 0; i < n; i++ {
		s = append(s, f(i))
	}
	return cap(s)
}
func l2(n int) int { return func(x int) int { return x + 1 }(n) }
func l3(n int) int {
	f := func(x int) int { return x + 1 }
	f = func(x int) int { return x - 1 }
	return f(n)
}
func l4(n int) int {
	f := func() { fmt.Println("a"); fmt.Println("b") }
	f()
	return n
}
func l5(g func(int) int) int { return g(1) + g(2) }

func main() {
	_ = l1(1) + l2(1) + l3(1) + l4(1) + l5(nil)
}
"#;

#[test]
fn inline_costs_match_go() {
    check_costs(CAL_A, "f1 3, f2 16, f3 27, f4 79, f5 85, f6 3, f7 23, f8 8, f9 22, f10 14, f11 132, f12 80, f13 27, f14 11, f15 17, f16 27, f17 156, f18 10, f19 18, f21 6, f22 4, f23 7, f24 4, f25 64");
    check_costs(CAL_B, "a0 75, a1 78, a2 80, a3 82, b1 78, b2 78, c1 79, c2 78, c3 80, d1 80, d2 82, e1 78, e2 65, e3 64, g1 2, g2 3, g3 78, g4 78, h1 11, h2 12, h3 25, h4 3, h5 5, h6 5, h7 12, h8 4, h9 3, h10 13");
    check_costs(CAL_D, "l1 50, l2 23, l3 99, l4 180, l5 42");
    check_costs(CAL_C, "k1 6, k2 5, k3 5, k4 5, k5 3, k6 3, k7 3, k8 9, k9 17, k10 13, k11 10, k12 148, k13 63, k14 60, k15 10, k16 32, k17 8, k18 9, k19 3, k20 21, k21 3, k22 67, k23 10, k24 5, k25 6, k26 17, k27 8, k28 12, k29 13, k30 11");
}

#[test]
fn defer_and_recover_are_never_inlined() {
    let file = parse_file(CAL_A).expect("parse");
    assert_eq!(inline_costs(&file).get("f20"), Some(&None));
}

fn flagged(a: &[u16]) -> usize {
    a.iter()
        .filter(|e| **e & ESIZE_NOESC != 0 && **e & ESIZE_BUF == 0)
        .count()
}

#[test]
fn non_escaping_appends_may_take_the_store() {
    let p = build("package main\nimport \"fmt\"\nfunc main() {\n\tvar s []int\n\tfor i := 0; i < 9; i++ {\n\t\ts = append(s, i)\n\t}\n\tfmt.Println(len(s), cap(s), s[0])\n}\n");
    let a = appends(func(&p, "main.main"));
    // The flagged append and the plain one for later growths.
    assert_eq!((a.len(), flagged(&a)), (2, 1), "{}", disasm(&p));
    // Go's `used` flag lives in a register set at entry.
    let f = func(&p, "main.main");
    assert!(
        matches!(f.code[0], Op::Bool { v: false, .. }),
        "{}",
        disasm(&p)
    );
}

#[test]
fn escaping_appends_grow_on_the_heap() {
    for body in [
        "fmt.Println(s)",
        "g = s",
        "keep(s)",
        "ch := make(chan []int, 1)\n\tch <- s",
        "go func() { _ = len(s) }()",
        "m := map[int][]int{}\n\tm[0] = s",
        "p := &s\n\t_ = p",
        "var x interface{} = s\n\tfmt.Println(x)",
    ] {
        let src = format!(
            "package main\nimport \"fmt\"\nvar g []int\nfunc keep(x []int) {{ g = x }}\nfunc main() {{\n\tvar s []int\n\ts = append(s, 1)\n\t{}\n\tfmt.Println(cap(s))\n}}\n",
            body
        );
        let p = build(&src);
        let a = appends(func(&p, "main.main"));
        assert_eq!(flagged(&a), 0, "{}\n{}", src, disasm(&p));
    }
}

#[test]
fn non_leaking_calls_keep_appends_local() {
    // `count` is too big to inline (two Println calls), so the slice pass
    // leaves `s` alone and its parameter does not leak.
    let src = "package main\nimport \"fmt\"\nfunc count(xs []int) int {\n\tfmt.Println(len(xs))\n\tfmt.Println(len(xs))\n\treturn len(xs)\n}\nfunc main() {\n\tvar s []int\n\ts = append(s, 1)\n\tfmt.Println(count(s), cap(s))\n}\n";
    let p = build(src);
    assert_eq!(
        flagged(&appends(func(&p, "main.main"))),
        1,
        "{}",
        disasm(&p)
    );
}

#[test]
fn only_the_first_site_claims_the_store() {
    let p = build("package main\nfunc main() {\n\tvar s []int\n\ts = append(s, 1)\n\ts = nil\n\ts = append(s, 2)\n\tprintln(cap(s))\n}\n");
    let a = appends(func(&p, "main.main"));
    assert_eq!((a.len(), flagged(&a)), (3, 1), "{}", disasm(&p));
}

#[test]
fn ellipsis_and_wide_elements_never_use_the_store() {
    let p = build("package main\ntype big struct{ a, b, c, d, e int }\nfunc main() {\n\tvar b []byte\n\tb = append(b, \"hi\"...)\n\tvar x []big\n\tx = append(x, big{})\n\tvar y []int\n\ty = append(y, 1, 2, 3, 4, 5)\n\tprintln(cap(b), cap(x), cap(y))\n}\n");
    let a = appends(func(&p, "main.main"));
    assert_eq!(flagged(&a), 0, "{}", disasm(&p));
}

#[test]
fn observed_capacity_uses_growslicebuf() {
    // Ranging over `s` is its one escape point; `cap` observes it.
    let p = build("package main\nfunc main() {\n\tvar s []int\n\tfor i := 0; i < 5; i++ {\n\t\ts = append(s, i)\n\t\tprintln(cap(s))\n\t}\n\tfor _, v := range s {\n\t\tprintln(v)\n\t}\n}\n");
    let a = appends(func(&p, "main.main"));
    assert_eq!(
        a,
        vec![crate::vm::op::elem_size_code(8, false) | ESIZE_NOESC | ESIZE_BUF],
        "{}",
        disasm(&p)
    );
}

#[test]
fn returned_slices_move_to_the_heap() {
    // Not inlined (it prints), appended in a loop, returned: the appends
    // use the store and `return s` copies a stack-backed s (AppendSlice).
    let p = build("package main\nimport \"fmt\"\nfunc build(n int) []int {\n\tvar s []int\n\tfor i := 0; i < n; i++ {\n\t\ts = append(s, i)\n\t}\n\tfmt.Println(len(s))\n\tfmt.Println(len(s))\n\treturn s\n}\nfunc main() { fmt.Println(cap(build(3))) }\n");
    let f = func(&p, "main.build");
    let a = appends(f);
    assert_eq!(flagged(&a), 1, "{}", disasm(&p));
    assert!(
        f.code.iter().any(|op| matches!(op, Op::AppendSlice { .. })),
        "{}",
        disasm(&p)
    );
    assert!(
        f.code.iter().any(|op| matches!(op, Op::ElemAddr { .. })),
        "{}",
        disasm(&p)
    );
}

#[test]
fn inlined_callees_get_a_clone_per_call_site() {
    // Go inlines capAfter into main twice: each copy's store belongs to
    // main's frame, so each call site gets a clone whose `used` flag is an
    // element of a []bool that main makes.
    let p = build("package main\nfunc capAfter(n int) int {\n\tvar s []int\n\tfor i := 0; i < n; i++ {\n\t\ts = append(s, i)\n\t}\n\treturn cap(s)\n}\nfunc main() {\n\tfor i := 0; i < 2; i++ {\n\t\tprintln(capAfter(1), capAfter(2))\n\t}\n}\n");
    let copies: Vec<_> = p
        .funcs
        .iter()
        .filter(|f| f.name == "main.capAfter")
        .collect();
    assert_eq!(copies.len(), 3, "{}", disasm(&p));
    assert_eq!(
        copies.iter().filter(|f| f.nparams == 2).count(),
        2,
        "{}",
        disasm(&p)
    );
    let main = func(&p, "main.main");
    assert!(
        main.code
            .iter()
            .any(|op| matches!(op, Op::MakeSlice { .. })),
        "{}",
        disasm(&p)
    );
}

#[test]
fn appends_updating_memory_in_place_never_use_the_store() {
    // An element of a 3-element array is not an SSA value: ssagen appends
    // in place, without the store. A one-field struct is one.
    let p = build("package main\ntype one struct{ xs []int }\nfunc main() {\n\tvar m [3][]int\n\tm[0] = append(m[0], 1)\n\tvar v one\n\tv.xs = append(v.xs, 1)\n\tprintln(cap(m[0]), cap(v.xs))\n}\n");
    let a = appends(func(&p, "main.main"));
    assert_eq!(flagged(&a), 1, "{}", disasm(&p));
}
