//! Source-like rendering of small trees for messages that quote code, in
//! the spacing Go's printer uses (`x := 0`, `a.b`).

use super::ast::{Expr, ExprKind, Stmt, UnOp};

pub fn expr_string(x: &Expr) -> String {
    let mut s = String::new();
    write_expr(&mut s, x, 0);
    s
}

fn list(out: &mut String, xs: &[Expr], depth: usize) {
    for (k, x) in xs.iter().enumerate() {
        if k > 0 {
            out.push_str(", ");
        }
        write_expr(out, x, depth);
    }
}

fn write_expr(out: &mut String, x: &Expr, depth: usize) {
    // Trees are depth-bounded by the parser; this guard keeps messages short.
    if depth > 8 {
        out.push('…');
        return;
    }
    let d = depth + 1;
    match &x.kind {
        ExprKind::Ident(n) => out.push_str(n),
        ExprKind::Int(v) => out.push_str(&v.to_string()),
        ExprKind::Float(v) => out.push_str(&v.to_string()),
        ExprKind::Rune(r) => {
            out.push_str(&format!("{:?}", char::from_u32(*r).unwrap_or('\u{FFFD}')))
        }
        ExprKind::Str(b) => out.push_str(&format!("{:?}", String::from_utf8_lossy(b))),
        ExprKind::Paren(inner) => {
            out.push('(');
            write_expr(out, inner, d);
            out.push(')');
        }
        ExprKind::Selector(base, sel) => {
            write_expr(out, base, d);
            out.push('.');
            out.push_str(&sel.name);
        }
        ExprKind::Index(base, idx) => {
            write_expr(out, base, d);
            out.push('[');
            write_expr(out, idx, d);
            out.push(']');
        }
        ExprKind::Call {
            func,
            args,
            ellipsis,
        } => {
            write_expr(out, func, d);
            out.push('(');
            list(out, args, d);
            if *ellipsis {
                out.push_str("...");
            }
            out.push(')');
        }
        ExprKind::Star(inner) => {
            out.push('*');
            write_expr(out, inner, d);
        }
        ExprKind::Unary(op, inner) => {
            out.push_str(match op {
                UnOp::Pos => "+",
                UnOp::Neg => "-",
                UnOp::Not => "!",
                UnOp::Xor => "^",
                UnOp::Addr => "&",
                UnOp::Recv => "<-",
            });
            write_expr(out, inner, d);
        }
        ExprKind::Binary(op, l, r) => {
            write_expr(out, l, d);
            out.push(' ');
            out.push_str(op.as_str());
            out.push(' ');
            write_expr(out, r, d);
        }
        ExprKind::FuncLit { .. } => out.push_str("func literal"),
        ExprKind::Composite { .. } => out.push_str("composite literal"),
        _ => out.push('…'),
    }
}

pub fn stmt_string(s: &Stmt) -> String {
    match s {
        Stmt::Expr(x) => expr_string(x),
        Stmt::ShortVar { names, values, .. } => {
            let names: Vec<&str> = names.iter().map(|n| n.name.as_str()).collect();
            let mut out = format!("{} := ", names.join(", "));
            list(&mut out, values, 0);
            out
        }
        Stmt::Assign { lhs, rhs, op, .. } => {
            let mut out = String::new();
            list(&mut out, lhs, 0);
            out.push_str(&format!(" {}= ", op.map_or("", |o| o.as_str())));
            list(&mut out, rhs, 0);
            out
        }
        Stmt::IncDec { target, inc, .. } => {
            format!("{}{}", expr_string(target), if *inc { "++" } else { "--" })
        }
        Stmt::Send { ch, value, .. } => format!("{} <- {}", expr_string(ch), expr_string(value)),
        _ => "statement".to_string(),
    }
}
