//! Which variables must live in cells: those a closure mentions and those
//! whose address is taken. Done by name per function, which is
//! conservative (a shadowed name may get a cell it does not need) but never
//! wrong.

use std::collections::HashSet;

use crate::syntax::ast::{Block, Expr, ExprKind, Stmt, UnOp};

/// Calls `f` on every expression in `s` (pre-order), including the
/// expressions inside nested function literals when `into_funcs` is set.
pub fn walk_stmt<'a>(s: &'a Stmt, f: &mut dyn FnMut(&'a Expr) -> bool) {
    match s {
        Stmt::Expr(e) | Stmt::Go(e, _) | Stmt::Defer(e, _) => walk_expr(e, f),
        Stmt::Var(specs) => {
            for sp in specs {
                sp.values.iter().for_each(|e| walk_expr(e, f));
            }
        }
        Stmt::Const(_) | Stmt::Type(_) => {}
        Stmt::ShortVar { values, .. } => values.iter().for_each(|e| walk_expr(e, f)),
        Stmt::Assign { lhs, rhs, .. } => lhs.iter().chain(rhs).for_each(|e| walk_expr(e, f)),
        Stmt::IncDec { target, .. } => walk_expr(target, f),
        Stmt::Send { ch, value, .. } => {
            walk_expr(ch, f);
            walk_expr(value, f)
        }
        Stmt::Return(es, _) => es.iter().for_each(|e| walk_expr(e, f)),
        Stmt::Break(..)
        | Stmt::Continue(..)
        | Stmt::Goto(..)
        | Stmt::Fallthrough(_)
        | Stmt::Empty(_) => {}
        Stmt::Block(b) => walk_block(b, f),
        Stmt::If {
            init,
            cond,
            then,
            els,
            ..
        } => {
            if let Some(i) = init {
                walk_stmt(i, f);
            }
            walk_expr(cond, f);
            walk_block(then, f);
            if let Some(e) = els {
                walk_stmt(e, f);
            }
        }
        Stmt::For {
            init,
            cond,
            post,
            body,
            ..
        } => {
            if let Some(i) = init {
                walk_stmt(i, f);
            }
            if let Some(c) = cond {
                walk_expr(c, f);
            }
            if let Some(p) = post {
                walk_stmt(p, f);
            }
            walk_block(body, f);
        }
        Stmt::Range {
            key,
            value,
            expr,
            body,
            ..
        } => {
            key.iter().chain(value.iter()).for_each(|e| walk_expr(e, f));
            walk_expr(expr, f);
            walk_block(body, f);
        }
        Stmt::Switch {
            init, tag, cases, ..
        } => {
            if let Some(i) = init {
                walk_stmt(i, f);
            }
            if let Some(t) = tag {
                walk_expr(t, f);
            }
            for c in cases {
                c.exprs.iter().for_each(|e| walk_expr(e, f));
                c.body.iter().for_each(|s| walk_stmt(s, f));
            }
        }
        Stmt::TypeSwitch {
            init, expr, cases, ..
        } => {
            if let Some(i) = init {
                walk_stmt(i, f);
            }
            walk_expr(expr, f);
            for c in cases {
                c.body.iter().for_each(|s| walk_stmt(s, f));
            }
        }
        Stmt::Select { cases, .. } => {
            for c in cases {
                if let Some(s) = &c.comm {
                    walk_stmt(s, f);
                }
                c.body.iter().for_each(|s| walk_stmt(s, f));
            }
        }
        Stmt::Labeled { stmt, .. } => walk_stmt(stmt, f),
    }
}

pub fn walk_block<'a>(b: &'a Block, f: &mut dyn FnMut(&'a Expr) -> bool) {
    b.stmts.iter().for_each(|s| walk_stmt(s, f));
}

/// Pre-order walk; `f` returns false to skip the children.
pub fn walk_expr<'a>(e: &'a Expr, f: &mut dyn FnMut(&'a Expr) -> bool) {
    if !f(e) {
        return;
    }
    match &e.kind {
        ExprKind::Ident(_)
        | ExprKind::Int(_)
        | ExprKind::Float(_)
        | ExprKind::Imag
        | ExprKind::Rune(_)
        | ExprKind::Str(_)
        | ExprKind::Type(_) => {}
        ExprKind::Composite { elems, .. } => {
            for el in elems {
                if let Some(k) = &el.key {
                    walk_expr(k, f);
                }
                walk_expr(&el.value, f);
            }
        }
        ExprKind::FuncLit { body, .. } => walk_block(body, f),
        ExprKind::Paren(x)
        | ExprKind::Selector(x, _)
        | ExprKind::TypeAssert(x, _)
        | ExprKind::Star(x)
        | ExprKind::Unary(_, x) => walk_expr(x, f),
        ExprKind::Index(x, i) | ExprKind::Binary(_, x, i) => {
            walk_expr(x, f);
            walk_expr(i, f)
        }
        ExprKind::IndexList(x, is) => {
            walk_expr(x, f);
            is.iter().for_each(|e| walk_expr(e, f));
        }
        ExprKind::Slice { x, lo, hi, max } => {
            walk_expr(x, f);
            for b in [lo, hi, max].into_iter().flatten() {
                walk_expr(b, f);
            }
        }
        ExprKind::Call { func, args, .. } => {
            walk_expr(func, f);
            args.iter().for_each(|e| walk_expr(e, f));
        }
    }
}

/// Every identifier mentioned in `b` (at any depth).
pub fn idents_in_block(b: &Block, out: &mut HashSet<String>) {
    walk_block(b, &mut |e| {
        if let ExprKind::Ident(n) = &e.kind {
            out.insert(n.clone());
        }
        true
    });
}

/// The variable at the root of an addressable expression (`x` in `&x.f[1]`).
pub fn root_ident(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Ident(n) => Some(n),
        ExprKind::Paren(x) | ExprKind::Selector(x, _) | ExprKind::Index(x, _) => root_ident(x),
        _ => None,
    }
}

/// Names that need cells in the function whose body is `b`.
pub fn escapes(b: &Block) -> HashSet<String> {
    let mut out = HashSet::new();
    walk_block(b, &mut |e| {
        match &e.kind {
            ExprKind::FuncLit { body, .. } => {
                idents_in_block(body, &mut out);
                // Also plain: function literals are walked above.
                return false;
            }
            ExprKind::Unary(UnOp::Addr, x) => {
                if let Some(n) = root_ident(x) {
                    out.insert(n.to_string());
                }
            }
            _ => {}
        }
        true
    });
    // `&x` inside a closure is already covered: the name is in `out`.
    out
}
