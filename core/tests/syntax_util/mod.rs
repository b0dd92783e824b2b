//! Helpers shared by the `syntax_*` integration tests.
#![allow(dead_code)]

use chanscope_core::diag::Pos;
use chanscope_core::syntax::ast::*;
use chanscope_core::syntax::{parse_expr, parse_file};

pub fn file(src: &str) -> File {
    parse_file(src)
        .unwrap_or_else(|d| panic!("parse failed:\n{}\nsource:\n{}", d.render("t.go"), src))
}

/// The statements of `func main() { <body> }`.
pub fn body(src: &str) -> Vec<Stmt> {
    let f = file(&format!("package main\n\nfunc main() {{\n{}\n}}\n", src));
    match f.decls.into_iter().next() {
        Some(Decl::Func(FuncDecl { body: Some(b), .. })) => b.stmts,
        other => panic!("no main body: {:?}", other),
    }
}

pub fn stmt(src: &str) -> Stmt {
    let mut v = body(src);
    assert_eq!(v.len(), 1, "expected one statement in {:?}: {:?}", src, v);
    v.remove(0)
}

pub fn expr(src: &str) -> Expr {
    parse_expr(src).unwrap_or_else(|d| panic!("parse failed: {}", d.render("e")))
}

/// The first diagnostic as `line:col: message`.
pub fn error(src: &str) -> String {
    match parse_file(src) {
        Ok(_) => panic!("expected an error for:\n{}", src),
        Err(d) => {
            let first = &d.0[0];
            format!("{}:{}: {}", first.pos.line, first.pos.col, first.message)
        }
    }
}

/// All diagnostics, one `line:col: message` per entry.
pub fn errors(src: &str) -> Vec<String> {
    match parse_file(src) {
        Ok(_) => panic!("expected an error for:\n{}", src),
        Err(d) => {
            d.0.iter()
                .map(|e| format!("{}:{}: {}", e.pos.line, e.pos.col, e.message))
                .collect()
        }
    }
}

/// An error inside `func main() {` (the body starts on line 4).
pub fn body_error(src: &str) -> String {
    error(&format!("package main\n\nfunc main() {{\n{}\n}}\n", src))
}

pub fn p(line: u32, col: u32) -> Pos {
    Pos::new(line, col)
}

/// A compact rendering of an expression tree for shape assertions.
pub fn sexpr(x: &Expr) -> String {
    match &x.kind {
        ExprKind::Ident(n) => n.clone(),
        ExprKind::Int(v) => v.to_string(),
        ExprKind::Float(v) => format!("{}f", v),
        ExprKind::Imag => "imag".into(),
        ExprKind::Rune(r) => format!("r{}", r),
        ExprKind::Str(b) => format!("{:?}", String::from_utf8_lossy(b)),
        ExprKind::Paren(e) => format!("({})", sexpr(e)),
        ExprKind::Selector(e, s) => format!("{}.{}", sexpr(e), s.name),
        ExprKind::Index(a, b) => format!("{}[{}]", sexpr(a), sexpr(b)),
        ExprKind::IndexList(a, b) => format!("{}[{}]", sexpr(a), list(b)),
        ExprKind::Slice { x, lo, hi, max } => {
            let o = |e: &Option<Box<Expr>>| e.as_ref().map(|e| sexpr(e)).unwrap_or_default();
            match max {
                Some(_) => format!("{}[{}:{}:{}]", sexpr(x), o(lo), o(hi), o(max)),
                None => format!("{}[{}:{}]", sexpr(x), o(lo), o(hi)),
            }
        }
        ExprKind::TypeAssert(e, t) => format!(
            "{}.({})",
            sexpr(e),
            t.as_ref().map(|t| stype(t)).unwrap_or("type".into())
        ),
        ExprKind::Call {
            func,
            args,
            ellipsis,
        } => format!(
            "{}({}{})",
            sexpr(func),
            list(args),
            if *ellipsis { "..." } else { "" }
        ),
        ExprKind::Star(e) => format!("(*{})", sexpr(e)),
        ExprKind::Unary(op, e) => format!("({:?} {})", op, sexpr(e)),
        ExprKind::Binary(op, a, b) => format!("({} {} {})", sexpr(a), op.as_str(), sexpr(b)),
        ExprKind::Type(t) => format!("type:{}", stype(t)),
        ExprKind::FuncLit { body, .. } => format!("funclit{{{}}}", body.stmts.len()),
        ExprKind::Composite { ty, elems } => {
            let els: Vec<String> = elems
                .iter()
                .map(|e| match &e.key {
                    Some(k) => format!("{}: {}", sexpr(k), sexpr(&e.value)),
                    None => sexpr(&e.value),
                })
                .collect();
            format!(
                "{}{{{}}}",
                ty.as_ref().map(|t| stype(t)).unwrap_or_default(),
                els.join(", ")
            )
        }
    }
}

fn list(xs: &[Expr]) -> String {
    xs.iter().map(sexpr).collect::<Vec<_>>().join(", ")
}

pub fn stype(t: &TypeExpr) -> String {
    match t {
        TypeExpr::Name(n) => n.name.clone(),
        TypeExpr::Qualified(a, b) => format!("{}.{}", a.name, b.name),
        TypeExpr::Pointer(t, _) => format!("*{}", stype(t)),
        TypeExpr::Slice(t, _) => format!("[]{}", stype(t)),
        TypeExpr::Array(None, t, _) => format!("[...]{}", stype(t)),
        TypeExpr::Array(Some(n), t, _) => format!("[{}]{}", sexpr(n), stype(t)),
        TypeExpr::Map(k, v, _) => format!("map[{}]{}", stype(k), stype(v)),
        TypeExpr::Chan(ChanDir::Both, t, _) => format!("chan {}", stype(t)),
        TypeExpr::Chan(ChanDir::Send, t, _) => format!("chan<- {}", stype(t)),
        TypeExpr::Chan(ChanDir::Recv, t, _) => format!("<-chan {}", stype(t)),
        TypeExpr::Func(f) => {
            let ps: Vec<String> = f.params.iter().map(|p| param(p)).collect();
            let rs: Vec<String> = f.results.iter().map(|p| param(p)).collect();
            format!(
                "func({}{}) ({})",
                ps.join(", "),
                if f.variadic { "..." } else { "" },
                rs.join(", ")
            )
        }
        TypeExpr::Struct(fs, _) => {
            let fs: Vec<String> = fs
                .iter()
                .map(|f| {
                    let names: Vec<&str> = f.names.iter().map(|n| n.name.as_str()).collect();
                    format!(
                        "{} {}{}",
                        names.join(","),
                        stype(&f.ty),
                        f.tag
                            .as_ref()
                            .map(|t| format!(" `{}`", t))
                            .unwrap_or_default()
                    )
                })
                .collect();
            format!("struct{{{}}}", fs.join("; "))
        }
        TypeExpr::Interface(es, _) => format!("interface{{{}}}", es.len()),
        TypeExpr::Generic(b, args, _) => format!(
            "{}[{}]",
            stype(b),
            args.iter().map(stype).collect::<Vec<_>>().join(", ")
        ),
    }
}

fn param(p: &Param) -> String {
    match &p.name {
        Some(n) => format!("{} {}", n.name, stype(&p.ty)),
        None => stype(&p.ty),
    }
}
