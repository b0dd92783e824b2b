//! Statement and declaration shapes.

mod syntax_util;
use chanscope_core::syntax::ast::*;
use syntax_util::*;

#[test]
fn simple_statements() {
    assert!(matches!(stmt("f()"), Stmt::Expr(_)));
    let Stmt::ShortVar { names, values, pos } = stmt("a, b := 1, 2") else {
        panic!()
    };
    assert_eq!(
        (names.len(), values.len(), pos),
        (2, 2, p(4, 6)),
        "pos is the := operator"
    );
    let Stmt::Assign { lhs, rhs, op, .. } = stmt("a[i], b.f = x, y") else {
        panic!()
    };
    assert_eq!((lhs.len(), rhs.len(), op), (2, 2, None));
    for (src, want) in [
        ("x += 1", BinOp::Add),
        ("x -= 1", BinOp::Sub),
        ("x *= 1", BinOp::Mul),
        ("x /= 1", BinOp::Div),
        ("x %= 1", BinOp::Rem),
        ("x &= 1", BinOp::And),
        ("x |= 1", BinOp::Or),
        ("x ^= 1", BinOp::Xor),
        ("x <<= 1", BinOp::Shl),
        ("x >>= 1", BinOp::Shr),
        ("x &^= 1", BinOp::AndNot),
    ] {
        let Stmt::Assign { op, .. } = stmt(src) else {
            panic!("{}", src)
        };
        assert_eq!(op, Some(want), "{}", src);
    }
    let Stmt::IncDec { inc, pos, .. } = stmt("i++") else {
        panic!()
    };
    assert_eq!((inc, pos), (true, p(4, 2)));
    assert!(matches!(stmt("p.n--"), Stmt::IncDec { inc: false, .. }));
    let Stmt::Send { ch, value, pos } = stmt("ch <- v + 1") else {
        panic!()
    };
    assert_eq!(
        (sexpr(&ch), sexpr(&value), pos),
        ("ch".into(), "(v + 1)".into(), p(4, 4))
    );
    assert!(matches!(
        stmt("<-done"),
        Stmt::Expr(Expr {
            kind: ExprKind::Unary(UnOp::Recv, _),
            ..
        })
    ));
}

#[test]
fn go_defer_return_and_branches() {
    assert!(matches!(
        stmt("go worker(i, ch)"),
        Stmt::Go(
            Expr {
                kind: ExprKind::Call { .. },
                ..
            },
            _
        )
    ));
    assert!(matches!(stmt("defer wg.Done()"), Stmt::Defer(_, _)));
    assert!(matches!(stmt("go func() {}()"), Stmt::Go(_, _)));
    assert!(matches!(stmt("return"), Stmt::Return(v, _) if v.is_empty()));
    assert!(matches!(stmt("return 1, err"), Stmt::Return(v, _) if v.len() == 2));
    let b = body("L:\n\tfor {\n\t\tbreak L\n\t\tcontinue L\n\t\tgoto L\n\t}");
    let Stmt::Labeled { label, stmt: inner } = &b[0] else {
        panic!()
    };
    assert_eq!(label.name, "L");
    let Stmt::For {
        body: loop_body, ..
    } = &**inner
    else {
        panic!()
    };
    assert!(matches!(&loop_body.stmts[0], Stmt::Break(Some(l), _) if l.name == "L"));
    assert!(matches!(&loop_body.stmts[1], Stmt::Continue(Some(l), _) if l.name == "L"));
    assert!(matches!(&loop_body.stmts[2], Stmt::Goto(l, _) if l.name == "L"));
    assert!(matches!(stmt("break"), Stmt::Break(None, _)));
    let b = body("switch {\ncase true:\n\tfallthrough\ndefault:\n}");
    let Stmt::Switch { cases, .. } = &b[0] else {
        panic!()
    };
    assert!(matches!(cases[0].body[0], Stmt::Fallthrough(_)));
    let b = body("{\nL:\n}");
    let Stmt::Block(blk) = &b[0] else { panic!() };
    assert!(
        matches!(&blk.stmts[0], Stmt::Labeled { stmt: s, .. } if matches!(**s, Stmt::Empty(_)))
    );
}

#[test]
fn if_chains_with_init() {
    let Stmt::If {
        init,
        cond,
        els,
        pos,
        ..
    } = stmt("if x := f(); x > 0 {\n} else if y {\n} else {\n}")
    else {
        panic!()
    };
    assert_eq!(pos, p(4, 1));
    assert!(matches!(init.as_deref(), Some(Stmt::ShortVar { .. })));
    assert_eq!(sexpr(&cond), "(x > 0)");
    let Some(els) = els else { panic!() };
    let Stmt::If {
        els: Some(last),
        init: None,
        ..
    } = *els
    else {
        panic!()
    };
    assert!(matches!(*last, Stmt::Block(_)));
}

#[test]
fn composite_literals_in_headers_need_parens() {
    // `x == T {` opens the body; a parenthesized literal is fine.
    let Stmt::If { cond, then, .. } = stmt("if x == y {\n\tT{}.m()\n}") else {
        panic!()
    };
    assert_eq!(sexpr(&cond), "(x == y)");
    assert_eq!(then.stmts.len(), 1);
    let Stmt::If { cond, .. } = stmt("if x == (T{}) {\n}") else {
        panic!()
    };
    assert_eq!(sexpr(&cond), "(x == (T{}))");
    let Stmt::If { cond, .. } = stmt("if f(T{1}) {\n}") else {
        panic!()
    };
    assert_eq!(sexpr(&cond), "f(T{1})");
    let Stmt::Range { expr, .. } = stmt("for _, v := range []T{{1}, {2}} {\n}") else {
        panic!()
    };
    assert_eq!(sexpr(&expr), "[]T{{1}, {2}}");
    let Stmt::Switch { tag, .. } = stmt("switch p {\n}") else {
        panic!()
    };
    assert_eq!(sexpr(&tag.unwrap()), "p");
    let Stmt::If { cond, .. } =
        stmt("if ok := m[k]; ok && func() bool { return T{} == T{} }() {\n}")
    else {
        panic!()
    };
    assert!(sexpr(&cond).contains("funclit"));
}

#[test]
fn for_forms() {
    let Stmt::For {
        init, cond, post, ..
    } = stmt("for {\n}")
    else {
        panic!()
    };
    assert!(init.is_none() && cond.is_none() && post.is_none());
    let Stmt::For {
        init, cond, post, ..
    } = stmt("for i < n {\n}")
    else {
        panic!()
    };
    assert!(init.is_none() && cond.is_some() && post.is_none());
    let Stmt::For {
        init, cond, post, ..
    } = stmt("for i := 0; i < n; i++ {\n}")
    else {
        panic!()
    };
    assert!(matches!(init.as_deref(), Some(Stmt::ShortVar { .. })));
    assert_eq!(sexpr(&cond.unwrap()), "(i < n)");
    assert!(matches!(post.as_deref(), Some(Stmt::IncDec { .. })));
    let Stmt::For {
        init, cond, post, ..
    } = stmt("for ; ; {\n}")
    else {
        panic!()
    };
    assert!(init.is_none() && cond.is_none() && post.is_none());
    let Stmt::For {
        init, cond, post, ..
    } = stmt("for i := 0; i < 3; {\n}")
    else {
        panic!()
    };
    assert!(init.is_some() && cond.is_some() && post.is_none());
    let Stmt::For { cond, .. } = stmt("for (i < 3) {\n}") else {
        panic!()
    };
    assert_eq!(sexpr(&cond.unwrap()), "((i < 3))");
}

#[test]
fn range_forms() {
    let Stmt::Range {
        key,
        value,
        define,
        expr,
        ..
    } = stmt("for range ch {\n}")
    else {
        panic!()
    };
    assert!(key.is_none() && value.is_none() && !define);
    assert_eq!(sexpr(&expr), "ch");
    let Stmt::Range {
        key,
        value,
        define,
        expr,
        ..
    } = stmt("for i := range 10 {\n}")
    else {
        panic!()
    };
    assert_eq!(
        (sexpr(&key.unwrap()), value.is_none(), define, sexpr(&expr)),
        ("i".into(), true, true, "10".into())
    );
    let Stmt::Range {
        key, value, define, ..
    } = stmt("for k, v = range m {\n}")
    else {
        panic!()
    };
    assert_eq!(
        (sexpr(&key.unwrap()), sexpr(&value.unwrap()), define),
        ("k".into(), "v".into(), false)
    );
    let Stmt::Range {
        key, value, define, ..
    } = stmt("for _, v := range xs {\n}")
    else {
        panic!()
    };
    assert_eq!(
        (sexpr(&key.unwrap()), sexpr(&value.unwrap()), define),
        ("_".into(), "v".into(), true)
    );
}

#[test]
fn switch_forms() {
    let Stmt::Switch {
        init, tag, cases, ..
    } = stmt("switch x := f(); x {\ncase 1, 2:\n\ta()\n\tb()\ncase 3:\ndefault:\n}")
    else {
        panic!()
    };
    assert!(init.is_some());
    assert_eq!(sexpr(&tag.unwrap()), "x");
    assert_eq!(cases.len(), 3);
    assert_eq!(
        (cases[0].exprs.len(), cases[0].body.len(), cases[0].pos),
        (2, 2, p(5, 1))
    );
    assert!(cases[2].is_default && cases[2].exprs.is_empty());
    let Stmt::Switch { init, tag, .. } = stmt("switch {\ncase x > 1:\n}") else {
        panic!()
    };
    assert!(init.is_none() && tag.is_none());
    let Stmt::Switch { init, tag, .. } = stmt("switch x := 1; {\n}") else {
        panic!()
    };
    assert!(init.is_some() && tag.is_none());
}

#[test]
fn type_switches() {
    let Stmt::TypeSwitch { bind, expr, cases, .. } = stmt("switch v := x.(type) {\ncase int, string:\ncase nil:\ncase []int, *T, map[K]V:\ndefault:\n}") else { panic!() };
    assert_eq!(bind.unwrap().name, "v");
    assert_eq!(sexpr(&expr), "x");
    assert_eq!(
        cases[0]
            .types
            .iter()
            .map(|t| stype(t.as_ref().unwrap()))
            .collect::<Vec<_>>(),
        ["int", "string"]
    );
    assert_eq!(cases[1].types, vec![None]);
    assert_eq!(cases[2].types.len(), 3);
    assert!(cases[3].is_default);
    let Stmt::TypeSwitch {
        bind, init, expr, ..
    } = stmt("switch y := 2; f(y).(type) {\n}")
    else {
        panic!()
    };
    assert!(bind.is_none() && init.is_some());
    assert_eq!(sexpr(&expr), "f(y)");
}

#[test]
fn select_comm_clauses() {
    let src = "select {\ncase v, ok := <-ch:\n\t_ = v\ncase ch <- v:\ncase <-done:\ncase x = <-in:\ndefault:\n}";
    let Stmt::Select { cases, .. } = stmt(src) else {
        panic!()
    };
    assert_eq!(cases.len(), 5);
    assert!(
        matches!(cases[0].comm.as_deref(), Some(Stmt::ShortVar { names, .. }) if names.len() == 2)
    );
    assert_eq!(cases[0].body.len(), 1);
    assert!(matches!(cases[1].comm.as_deref(), Some(Stmt::Send { .. })));
    assert!(matches!(
        cases[2].comm.as_deref(),
        Some(Stmt::Expr(Expr {
            kind: ExprKind::Unary(UnOp::Recv, _),
            ..
        }))
    ));
    assert!(matches!(
        cases[3].comm.as_deref(),
        Some(Stmt::Assign { .. })
    ));
    assert!(cases[4].comm.is_none());
    assert_eq!(cases[4].pos, p(10, 1));
    let Stmt::Select { cases, .. } = stmt("select {}") else {
        panic!()
    };
    assert!(cases.is_empty());
}

#[test]
fn local_declarations() {
    let b = body(
        "var x int\nvar (\n\ta, b = 1, 2\n\tc string\n)\nconst k = 3\ntype P struct{ X, Y int }",
    );
    assert!(matches!(&b[0], Stmt::Var(v) if v.len() == 1 && v[0].ty.is_some()));
    assert!(
        matches!(&b[1], Stmt::Var(v) if v.len() == 2 && v[0].names.len() == 2 && v[0].values.len() == 2)
    );
    assert!(matches!(&b[2], Stmt::Const(c) if c[0].values.len() == 1));
    let Stmt::Type(t) = &b[3] else { panic!() };
    assert_eq!(stype(&t[0].ty), "struct{X,Y int}");
}

#[test]
fn empty_statements_are_dropped() {
    assert_eq!(body(";;\nf();;\n;").len(), 1);
}

#[test]
fn file_level_declarations() {
    let f = file("package main\n\nimport \"fmt\"\nimport (\n\t\"sync\"\n\tt \"time\"\n\t_ \"os\"\n\t. \"math\"\n)\n\nvar g = 1\n\nfunc main() {}\n");
    assert_eq!(f.package.name, "main");
    let paths: Vec<_> = f
        .imports
        .iter()
        .map(|i| (i.path.as_str(), i.alias.as_ref().map(|a| a.name.as_str())))
        .collect();
    assert_eq!(
        paths,
        [
            ("fmt", None),
            ("sync", None),
            ("time", Some("t")),
            ("os", Some("_")),
            ("math", Some("."))
        ]
    );
    assert_eq!(f.imports[0].pos, p(3, 8), "import pos is the path literal");
    assert_eq!(f.decls.len(), 2);
}

#[test]
fn func_decls_with_receivers_and_results() {
    let f = file("package main\nfunc (c *Counter) Inc(n int) {}\nfunc div(a, b int) (q, r int) { return }\nfunc f(int, string) error\nfunc v(prefix string, xs ...int) {}\n");
    let Decl::Func(inc) = &f.decls[0] else {
        panic!()
    };
    let recv = inc.recv.as_ref().unwrap();
    assert_eq!(
        (recv.name.as_ref().unwrap().name.as_str(), stype(&recv.ty)),
        ("c", "*Counter".to_string())
    );
    assert_eq!(inc.pos, p(2, 1));
    let Decl::Func(div) = &f.decls[1] else {
        panic!()
    };
    assert_eq!(
        stype(&TypeExpr::Func(div.sig.clone())),
        "func(a int, b int) (q int, r int)"
    );
    let Decl::Func(decl) = &f.decls[2] else {
        panic!()
    };
    assert!(decl.body.is_none());
    assert_eq!(
        stype(&TypeExpr::Func(decl.sig.clone())),
        "func(int, string) (error)"
    );
    let Decl::Func(v) = &f.decls[3] else { panic!() };
    assert!(v.sig.variadic);
    assert_eq!(stype(&v.sig.params[1].ty), "int");
}

#[test]
fn generics_are_parsed_for_rejection() {
    let f = file("package main\nfunc Map[T, U any](xs []T, f func(T) U) []U { return nil }\ntype List[T any] struct{ next *List[T] }\ntype Num interface{ ~int | ~float64 }\nfunc (l *List[T]) Len() int { return 0 }\n");
    let Decl::Func(m) = &f.decls[0] else { panic!() };
    assert_eq!(m.type_params.len(), 1);
    assert_eq!(m.type_params[0].names.len(), 2);
    let Decl::Type(l) = &f.decls[1] else { panic!() };
    assert_eq!(l[0].type_params.len(), 1);
    let Decl::Type(n) = &f.decls[2] else { panic!() };
    assert!(
        matches!(&n[0].ty, TypeExpr::Interface(e, _) if matches!(e[0], InterfaceElem::TypeSet(_)))
    );
    let Decl::Func(len) = &f.decls[3] else {
        panic!()
    };
    assert!(
        matches!(len.recv.as_ref().unwrap().ty, TypeExpr::Pointer(ref g, _) if matches!(**g, TypeExpr::Generic(..)))
    );
    let f = file("package main\ntype A [N]int\ntype B = int\n");
    let Decl::Type(a) = &f.decls[0] else { panic!() };
    assert!(a[0].type_params.is_empty());
    assert_eq!(stype(&a[0].ty), "[N]int");
    let Decl::Type(b) = &f.decls[1] else { panic!() };
    assert!(b[0].alias);
}

#[test]
fn const_groups_repeat_implicitly() {
    let f = file(
        "package main\nconst (\n\tA = iota * 10\n\tB\n\tC\n\tD int = 7\n\tE\n)\nconst Z = 1\n",
    );
    let Decl::Const(c) = &f.decls[0] else {
        panic!()
    };
    let summary: Vec<_> = c
        .iter()
        .map(|s| {
            (
                s.names[0].name.as_str(),
                s.iota,
                s.implicit,
                s.values.len(),
                s.ty.is_some(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("A", 0, false, 1, false),
            ("B", 1, true, 1, false),
            ("C", 2, true, 1, false),
            ("D", 3, false, 1, true),
            ("E", 4, true, 1, true)
        ]
    );
    assert_eq!(sexpr(&c[2].values[0]), "(iota * 10)");
    assert_eq!(c[1].pos, p(4, 2));
    let Decl::Const(z) = &f.decls[1] else {
        panic!()
    };
    assert_eq!((z[0].iota, z[0].implicit), (0, false));
}

#[test]
fn types_of_all_kinds() {
    let f = file("package main\nvar (\n\ta []map[string]*T\n\tb [4]chan<- int\n\tc func(int, ...string) (bool, error)\n\td struct {\n\t\tsync.Mutex\n\t\t*Base\n\t\tn, m int `json:\"n\"`\n\t}\n\te interface {\n\t\tString() string\n\t\tfmt.Stringer\n\t}\n\tf <-chan struct{}\n\tg time.Duration\n)\n");
    let Decl::Var(v) = &f.decls[0] else { panic!() };
    let t: Vec<String> = v.iter().map(|s| stype(s.ty.as_ref().unwrap())).collect();
    assert_eq!(t[0], "[]map[string]*T");
    assert_eq!(t[1], "[4]chan<- int");
    assert_eq!(t[2], "func(int, string...) (bool, error)");
    assert_eq!(t[3], "struct{ sync.Mutex;  *Base; n,m int `json:\"n\"`}");
    assert_eq!(t[4], "interface{2}");
    assert_eq!(t[5], "<-chan struct{}");
    assert_eq!(t[6], "time.Duration");
}

#[test]
fn statement_positions() {
    let b = body("\tx := 1\n\tif x > 0 {\n\t}\n\tgo f()\n\tfor {\n\t}");
    let pos: Vec<_> = b.iter().map(|s| s.pos()).collect();
    assert_eq!(pos, [p(4, 4), p(5, 2), p(7, 2), p(8, 2)]);
    let Stmt::If { then, .. } = &b[1] else {
        panic!()
    };
    assert_eq!((then.pos, then.end), (p(5, 11), p(6, 2)));
}
