//! Robustness: the nesting limit holds within a 1 MiB stack (the wasm
//! build's), random mutations never panic, and big inputs parse fast.

mod syntax_util;
use chanscope_core::syntax::{parse_file, MAX_NESTING};

fn wrap(body: &str) -> String {
    format!("package main\n\nfunc main() {{\n\t{}\n}}\n", body)
}

fn rep(s: &str, n: usize) -> String {
    s.repeat(n)
}

type Gen = Box<dyn Fn(usize) -> String>;

/// Each nesting kind as a program nesting it `n` times, with the number
/// of levels one nesting costs (constructs whose tree holds a list level,
/// like a literal's elements or a switch's clauses, count two).
fn kinds() -> Vec<(&'static str, usize, Gen)> {
    vec![
        (
            "parens",
            1,
            Box::new(|n| wrap(&format!("_ = {}x{}", rep("(", n), rep(")", n)))),
        ),
        (
            "blocks",
            1,
            Box::new(|n| wrap(&format!("{}{}", rep("{\n", n), rep("}\n", n)))),
        ),
        (
            "composite literals",
            2,
            Box::new(|n| wrap(&format!("_ = {}{}", rep("T{", n), rep("}", n)))),
        ),
        (
            "elided literals",
            2,
            Box::new(|n| wrap(&format!("_ = T{{{}{}}}", rep("{", n), rep("}", n)))),
        ),
        (
            "unary not",
            1,
            Box::new(|n| wrap(&format!("_ = {}x", rep("!", n)))),
        ),
        (
            "unary neg",
            1,
            Box::new(|n| wrap(&format!("_ = {}x", rep("- ", n)))),
        ),
        (
            "receives",
            1,
            Box::new(|n| wrap(&format!("_ = {}ch", rep("<-", n)))),
        ),
        (
            "derefs",
            1,
            Box::new(|n| wrap(&format!("_ = {}p", rep("*", n)))),
        ),
        (
            "address-of",
            1,
            Box::new(|n| wrap(&format!("_ = {}x", rep("& ", n)))),
        ),
        (
            "func literals",
            2,
            Box::new(|n| wrap(&format!("{}{}", rep("func() {\n", n), rep("}()\n", n)))),
        ),
        (
            "array lengths",
            1,
            Box::new(|n| wrap(&format!("var x {}1{}", rep("[", n), rep("]int", n)))),
        ),
        (
            "slice types",
            1,
            Box::new(|n| wrap(&format!("var x {}int", rep("[]", n)))),
        ),
        (
            "pointer types",
            1,
            Box::new(|n| wrap(&format!("var x {}int", rep("*", n)))),
        ),
        (
            "chan types",
            1,
            Box::new(|n| wrap(&format!("var x {}int", rep("chan ", n)))),
        ),
        (
            "map types",
            1,
            Box::new(|n| wrap(&format!("var x {}int", rep("map[int]", n)))),
        ),
        (
            "func types",
            1,
            Box::new(|n| wrap(&format!("var x {}", rep("func() ", n) + "int"))),
        ),
        (
            "struct types",
            2,
            Box::new(|n| {
                wrap(&format!(
                    "var x {}int{}",
                    rep("struct{ a ", n),
                    rep(" }", n)
                ))
            }),
        ),
        (
            "interface types",
            2,
            Box::new(|n| {
                wrap(&format!(
                    "var x {}int{}",
                    rep("interface{ m() ", n),
                    rep(" }", n)
                ))
            }),
        ),
        (
            "paren types",
            1,
            Box::new(|n| wrap(&format!("var x {}int{}", rep("(", n), rep(")", n)))),
        ),
        (
            "binary chains",
            1,
            Box::new(|n| wrap(&format!("_ = x{}", rep(" + x", n)))),
        ),
        (
            "else-if chains",
            1,
            Box::new(|n| wrap(&format!("if a {{\n}}{}", rep(" else if a {\n}", n)))),
        ),
        (
            "call chains",
            1,
            Box::new(|n| wrap(&format!("f{}", rep("()", n)))),
        ),
        (
            "selector chains",
            1,
            Box::new(|n| wrap(&format!("_ = x{}", rep(".f", n)))),
        ),
        (
            "nested calls",
            1,
            Box::new(|n| wrap(&format!("_ = {}x{}", rep("f(", n), rep(")", n)))),
        ),
        (
            "nested indexes",
            1,
            Box::new(|n| wrap(&format!("_ = {}0{}", rep("a[", n), rep("]", n)))),
        ),
        (
            "labels",
            1,
            Box::new(|n| wrap(&format!("{}f()", rep("L: ", n)))),
        ),
        (
            "if blocks",
            1,
            Box::new(|n| wrap(&format!("{}{}", rep("if a {\n", n), rep("}\n", n)))),
        ),
        (
            "for blocks",
            1,
            Box::new(|n| wrap(&format!("{}{}", rep("for {\n", n), rep("}\n", n)))),
        ),
        (
            "switch blocks",
            2,
            Box::new(|n| {
                wrap(&format!(
                    "{}{}",
                    rep("switch {\ncase true:\n", n),
                    rep("}\n", n)
                ))
            }),
        ),
        (
            "select blocks",
            2,
            Box::new(|n| {
                wrap(&format!(
                    "{}{}",
                    rep("select {\ndefault:\n", n),
                    rep("}\n", n)
                ))
            }),
        ),
        (
            "mixed",
            4,
            Box::new(|n| wrap(&format!("_ = {}x{}", rep("f(-[]T{", n), rep("})", n)))),
        ),
    ]
}

fn too_deep(src: &str) -> bool {
    match parse_file(src) {
        Ok(_) => false,
        Err(d) => {
            let msg = &d.0[0].message;
            assert!(
                msg.starts_with("chanscope: nesting too deep"),
                "unexpected error {:?}",
                d
            );
            assert_eq!(
                *msg,
                format!("chanscope: nesting too deep (limit {})", MAX_NESTING)
            );
            true
        }
    }
}

#[test]
fn nesting_limit_fits_in_one_mib_stack() {
    let worker = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(|| {
            for (name, cost, gen) in kinds() {
                // The largest accepted nesting sits just below the limit (the
                // enclosing function and statement take a few levels).
                let deepest = (0..=MAX_NESTING + 2).rev().find(|&n| !too_deep(&gen(n)));
                let deepest = deepest.unwrap_or_else(|| panic!("{}: nothing parses", name));
                assert!(
                    deepest * cost + 8 >= MAX_NESTING,
                    "{}: only {} levels accepted",
                    name,
                    deepest
                );
                assert!(
                    deepest * cost <= MAX_NESTING,
                    "{}: {} levels accepted",
                    name,
                    deepest
                );
                assert!(
                    parse_file(&gen(deepest)).is_ok(),
                    "{}: at the limit must parse",
                    name
                );
                assert!(too_deep(&gen(deepest + 1)), "{}: one past the limit", name);
                assert!(
                    too_deep(&gen(20 * MAX_NESTING)),
                    "{}: far past the limit",
                    name
                );
            }
        })
        .expect("spawn");
    worker
        .join()
        .expect("parsing at the nesting limit overflowed a 1 MiB stack");
}

/// A tiny deterministic generator (PCG-style LCG), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const SEED_PROGRAM: &str = r#"package main

import (
	"fmt"
	"sync"
	"time"
)

type Point struct {
	X, Y int `json:"x"`
	sync.Mutex
}

const (
	A = iota * 2
	B
)

func (p *Point) Move(dx int, rest ...int) (int, error) {
	p.X += dx
	return p.X, nil
}

func main() {
	ch := make(chan int, 3)
	done := make(chan struct{})
	var wg sync.WaitGroup
	go func() {
		defer close(done)
		for i := range 10 {
			ch <- i * 'a' + 0x1F
		}
	}()
	m := map[string][]int{"a": {1, 2}, "b": nil}
	if v, ok := m["a"]; ok && len(v) > 1 {
		fmt.Println(v[1:], "\xff\n", `raw`)
	} else if x := 1.5e3; x > 0 {
		fmt.Printf("%v\n", x)
	}
	select {
	case v, ok := <-ch:
		_, _ = v, ok
	case <-time.After(time.Second):
	default:
	}
	switch t := interface{}(1).(type) {
	case int, string:
		_ = t
	case nil:
	}
L:
	for i := 0; i < 3; i++ {
		switch {
		case i == 1:
			continue L
		default:
			break L
		}
	}
	wg.Wait()
	<-done
}
"#;

const FRAGMENTS: &[&str] = &[
    "(",
    ")",
    "{",
    "}",
    "[",
    "]",
    ",",
    ";",
    ":",
    ":=",
    "=",
    "\n",
    "\"",
    "`",
    "'",
    "/*",
    "//",
    "<-",
    "...",
    ".",
    "func",
    "if",
    "else",
    "for",
    "range",
    "switch",
    "case",
    "select",
    "go",
    "x",
    "0x",
    "1e",
    "\\",
    "\u{e9}",
    "\u{FFFD}",
    "\0",
    "type",
    "chan",
    "map",
    "struct",
    "interface",
    "*",
    "&",
    "-",
    "!",
    "^",
    "_",
    "default",
    "return",
    "var",
    "const",
    "import",
    "package",
];

fn mutate(rng: &mut Rng, src: &str) -> String {
    let mut s: Vec<char> = src.chars().collect();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(s.len() + 1);
        match rng.below(4) {
            0 if at < s.len() => {
                let len = 1 + rng.below(8).min(s.len() - at);
                s.drain(at..(at + len).min(s.len()));
            }
            1 => {
                let frag: Vec<char> = FRAGMENTS[rng.below(FRAGMENTS.len())].chars().collect();
                s.splice(at..at, frag);
            }
            2 if at < s.len() => {
                // Duplicate a slice of the program somewhere else.
                let len = rng.below(40).min(s.len() - at);
                let piece: Vec<char> = s[at..at + len].to_vec();
                let to = rng.below(s.len() + 1);
                s.splice(to..to, piece);
            }
            _ => {
                if at < s.len() {
                    s[at] = char::from_u32(rng.below(0x80) as u32).unwrap_or('x');
                }
            }
        }
    }
    s.into_iter().collect()
}

#[test]
fn seed_program_parses() {
    parse_file(SEED_PROGRAM).expect("the fuzz seed must be valid");
}

#[test]
fn random_mutations_never_panic() {
    let worker = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(|| {
            let mut rng = Rng(0x5eed_c4a5);
            let (mut ok, mut bad) = (0, 0);
            for _ in 0..4000 {
                let src = mutate(&mut rng, SEED_PROGRAM);
                match parse_file(&src) {
                    Ok(_) => ok += 1,
                    Err(d) => {
                        assert!(!d.0.is_empty());
                        for e in &d.0 {
                            assert!(
                                e.pos.line >= 1 && e.pos.col >= 1,
                                "bad position {:?} for\n{}",
                                e,
                                src
                            );
                        }
                        bad += 1;
                    }
                }
            }
            // Both outcomes must actually occur, or the mutator is broken.
            assert!(ok > 100 && bad > 1000, "ok {} bad {}", ok, bad);
        })
        .expect("spawn");
    worker
        .join()
        .expect("a mutated program panicked the parser");
}

#[test]
fn arbitrary_bytes_never_panic() {
    let mut rng = Rng(42);
    for _ in 0..2000 {
        let len = rng.below(200);
        let bytes: Vec<u8> = (0..len).map(|_| rng.below(256) as u8).collect();
        let src = String::from_utf8_lossy(&bytes);
        let _ = parse_file(&src);
        let _ = parse_file(&format!("package main\nfunc main() {{\n{}\n}}", src));
    }
}

#[test]
fn a_megabyte_of_tokens_parses_quickly() {
    let stmt = "\tx = append(x, f(a[i]+b*c, \"s\", 'r', 1.5)) // comment\n";
    let n = (1 << 20) / stmt.len() + 1;
    let src = format!("package main\n\nfunc main() {{\n{}}}\n", stmt.repeat(n));
    assert!(src.len() >= 1 << 20);
    let t = std::time::Instant::now();
    let f = parse_file(&src).expect("parses");
    let took = t.elapsed();
    let chanscope_core::syntax::ast::Decl::Func(main) = &f.decls[0] else {
        panic!()
    };
    assert_eq!(main.body.as_ref().unwrap().stmts.len(), n);
    // Generous for debug builds on a busy machine; quadratic behaviour
    // would take minutes.
    assert!(took.as_secs() < 10, "1 MiB took {:?}", took);
}

#[test]
fn many_top_level_declarations_parse_quickly() {
    let src = format!(
        "package main\n{}",
        "func f() { if x { y() } else { z() } }\nvar v = []int{1, 2, 3}\n".repeat(20_000)
    );
    let t = std::time::Instant::now();
    let f = parse_file(&src).expect("parses");
    assert_eq!(f.decls.len(), 40_000);
    assert!(t.elapsed().as_secs() < 10, "took {:?}", t.elapsed());
}

#[test]
fn long_unclosed_inputs_fail_fast() {
    // Deep openers without closers: an error, not a stack overflow or a hang.
    for opener in ["(", "{", "[", "f(", "[]T{", "func() {", "if x {", "*", "<-"] {
        let src = wrap(&opener.repeat(100_000));
        let t = std::time::Instant::now();
        assert!(parse_file(&src).is_err());
        assert!(
            t.elapsed().as_secs() < 5,
            "{} took {:?}",
            opener,
            t.elapsed()
        );
    }
}
