use crate::compile::{compile, disasm};
use crate::syntax::parse_file;
use crate::vm::op::Op;
use crate::vm::program::Program;

fn build(src: &str) -> Program {
    let file = parse_file(src).expect("parse");
    match compile(&file) {
        Ok(p) => p,
        Err(d) => panic!("compile errors:\n{}", d.render("x.go")),
    }
}

fn func<'a>(p: &'a Program, name: &str) -> &'a crate::vm::program::FuncProto {
    p.funcs
        .iter()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("no {} in\n{}", name, disasm(p)))
}

#[test]
fn entry_calls_main() {
    let p = build("package main\nvar x = 1\nfunc main() { println(x) }\n");
    let e = &p.funcs[p.entry as usize];
    assert_eq!(e.name, "runtime.main");
    assert!(e.code.iter().any(|op| matches!(op, Op::StoreGlobal { .. })));
    assert!(e.code.iter().any(|op| matches!(op, Op::Call { .. })));
    assert!(matches!(e.code.last(), Some(Op::Ret { .. })));
    assert_eq!(e.code.len(), e.lines.len());
}

#[test]
fn fib_uses_fast_ops() {
    let p = build("package main\nfunc fib(n int) int {\n\tif n < 2 {\n\t\treturn n\n\t}\n\treturn fib(n-1) + fib(n-2)\n}\nfunc main() { println(fib(30)) }\n");
    let f = func(&p, "main.fib");
    assert!(
        f.code.iter().any(|op| matches!(op, Op::JmpIfNotLtIK { k: 2, .. })),
        "{}",
        disasm(&p)
    );
    // Arguments are computed straight into the call window: no Move.
    assert!(!f.code.iter().any(|op| matches!(op, Op::Move { .. })), "{}", disasm(&p));
    assert!(
        f.code
            .iter()
            .any(|op| matches!(op, Op::AddIK { k: -1, .. })),
        "{}",
        disasm(&p)
    );
    assert_eq!(f.nparams, 1);
}

#[test]
fn closures_capture_cells_and_are_named_like_go() {
    let p = build("package main\nfunc main() {\n\tx := 0\n\tf := func() { x++; g := func() { x++ }; g() }\n\tf()\n\tprintln(x)\n}\n");
    let m = func(&p, "main.main");
    assert!(
        m.code.iter().any(|op| matches!(op, Op::NewCell { .. })),
        "{}",
        disasm(&p)
    );
    assert!(
        m.code
            .iter()
            .any(|op| matches!(op, Op::Closure { n: 1, .. })),
        "{}",
        disasm(&p)
    );
    let inner = func(&p, "main.main.func1.1");
    assert_eq!(inner.nupvals, 1);
}

#[test]
fn go_and_defer_wrappers() {
    let p = build("package main\nimport (\"fmt\"; \"sync\")\nfunc main() {\n\tvar wg sync.WaitGroup\n\tvar mu sync.Mutex\n\tch := make(chan int)\n\twg.Add(1)\n\tgo func() { defer wg.Done(); mu.Lock(); defer mu.Unlock(); ch <- 1 }()\n\tgo fmt.Println(\"hi\")\n\tdefer close(ch)\n\t<-ch\n\twg.Wait()\n}\n");
    func(&p, "main.main.gowrap1");
    func(&p, "main.main.deferwrap1");
    func(&p, "main.main.func1.deferwrap1");
    func(&p, "main.main.func1.deferwrap2");
    let m = func(&p, "main.main");
    assert!(m.code.iter().any(|op| matches!(
        op,
        Op::Zero {
            ty: crate::types::consts::WAITGROUP,
            ..
        }
    )));
    assert!(m.code.iter().any(|op| matches!(op, Op::Go { .. })));
    assert!(m.code.iter().any(|op| matches!(op, Op::WgWait { .. })));
}

#[test]
fn select_builds_a_table() {
    let p = build("package main\nfunc main() {\n\ta := make(chan int)\n\tb := make(chan string, 1)\n\tselect {\n\tcase v := <-a:\n\t\tprintln(v)\n\tcase b <- \"x\":\n\tdefault:\n\t}\n\tselect {}\n}\n");
    let m = func(&p, "main.main");
    assert_eq!(m.selects.len(), 2);
    assert_eq!(m.selects[0].cases.len(), 2);
    assert!(m.selects[0].has_default);
    assert!(m.selects[1].cases.is_empty() && !m.selects[1].has_default);
}

#[test]
fn big_constants_fold_exactly() {
    let p = build("package main\nconst big = 1 << 100\nfunc main() { println(big >> 98) }\n");
    let m = func(&p, "main.main");
    assert!(
        m.code.iter().any(|op| matches!(op, Op::Int { v: 4, .. })),
        "{}",
        disasm(&p)
    );
}

#[test]
fn per_iteration_loop_variables() {
    let p = build("package main\nfunc main() {\n\tvar fs []func()\n\tfor i := 0; i < 3; i++ {\n\t\tfs = append(fs, func() { println(i) })\n\t}\n\tfor _, f := range fs { f() }\n}\n");
    let m = func(&p, "main.main");
    let cells = m
        .code
        .iter()
        .filter(|op| matches!(op, Op::NewCell { .. }))
        .count();
    assert!(cells >= 2, "{}", disasm(&p));
}

/// Upvalue `i` of function `name` is marked never written.
fn const_upval(p: &Program, name: &str, i: u32) -> bool {
    func(p, name).const_upvals & (1 << i) != 0
}

#[test]
fn captured_variables_never_written_are_const_upvalues() {
    // c and done are only read by the closures; n is written after the
    // first closure captured it, k by the closure itself, a through a
    // pointer, b by a method with a pointer receiver.
    let src = "package main\n\ntype T struct{ v int }\n\nfunc (t *T) inc() { t.v++ }\n\nfunc main() {\n\tc := make(chan int, 1)\n\tdone := make(chan bool)\n\tn := 1\n\tgo func() { c <- n; done <- true }()\n\tn = 2\n\tk := 0\n\tf := func() { k++ }\n\tf()\n\ta := 0\n\tp := &a\n\t*p = 3\n\tvar b T\n\tg := func() { b.inc(); println(a, k) }\n\tg()\n\t<-done\n\tprintln(<-c, n, b.v)\n}\n";
    let p = build(src);
    let d = disasm(&p);
    // main.main.func1 captures c, n, done in order of first use.
    assert!(const_upval(&p, "main.main.func1", 0), "c\n{d}");
    assert!(!const_upval(&p, "main.main.func1", 1), "n is assigned later\n{d}");
    assert!(const_upval(&p, "main.main.func1", 2), "done\n{d}");
    assert!(!const_upval(&p, "main.main.func2", 0), "k is incremented\n{d}");
    assert!(!const_upval(&p, "main.main.func3", 0), "b has a pointer method called\n{d}");
    assert!(!const_upval(&p, "main.main.func3", 1), "a has its address taken\n{d}");
    assert!(d.contains("main.main.func1: params=0 results=0 regs="), "{d}");
}
