//! Go's wording of operands in messages: `x (variable of type int)`.

use crate::syntax::ast::{Expr, ExprKind, TypeExpr, UnOp};
use crate::types::{Type, TypeId};

use super::operand::{Mode, Operand};
use super::Compiler;

/// Expressions longer than this are shortened, as go/types does.
const MAX_TEXT: usize = 64;

impl Compiler<'_> {
    pub fn expr_text(&self, e: &Expr) -> String {
        let mut s = String::new();
        write_expr(e, &mut s, 0);
        s
    }

    /// `expr (mode of type T)` as types2's `operand.String` prints it.
    pub fn describe(&self, e: &Expr, op: &Operand) -> String {
        let text = self.expr_text(e);
        if matches!(op.mode, Mode::Nil) {
            return "nil".into();
        }
        let mut inner = String::new();
        let untyped = self.is_untyped(op.ty);
        if untyped {
            inner.push_str(self.types.get(op.ty).clone().basic_name());
            inner.push(' ');
        }
        let mode = match &op.mode {
            Mode::Invalid => "invalid operand",
            Mode::NoValue => "no value",
            Mode::Builtin(_) => "built-in",
            Mode::Type => "type",
            Mode::Const(_) => "constant",
            Mode::Value { var: true, .. } => "variable",
            _ => "value",
        };
        inner.push_str(mode);
        if let Mode::Const(v) = &op.mode {
            let shown = v.show();
            if shown != text {
                inner.push(' ');
                inner.push_str(&shown);
            }
        }
        if !untyped
            && !matches!(
                op.mode,
                Mode::NoValue | Mode::Builtin(_) | Mode::Type | Mode::Invalid
            )
        {
            inner.push_str(" of ");
            inner.push_str(&self.type_desc(op.ty));
            inner.push_str("type ");
            inner.push_str(&self.tname(op.ty));
        }
        format!("{} ({})", text, inner)
    }

    /// For a defined type, the kind of its structure ("struct ", "int ").
    fn type_desc(&self, t: TypeId) -> String {
        if !self.types.is_named(t) {
            return String::new();
        }
        let what = match self.types.under(t) {
            Type::Basic(k) => k.name(),
            Type::Array(..) => "array",
            Type::Slice(_) => "slice",
            Type::Struct(_) | Type::Opaque(_) => "struct",
            Type::Pointer(_) => "pointer",
            Type::Func(_) => "func",
            Type::Interface(_) => "interface",
            Type::Map(..) => "map",
            Type::Chan(..) => "chan",
            Type::Tuple(_) => "tuple",
            Type::Named { .. } => "",
        };
        format!("{} ", what)
    }
}

trait BasicName {
    fn basic_name(&self) -> &'static str;
}

impl BasicName for Type {
    fn basic_name(&self) -> &'static str {
        match self {
            Type::Basic(k) => k.name(),
            _ => "",
        }
    }
}

fn write_expr(e: &Expr, s: &mut String, d: u32) {
    if d > 40 || s.len() > MAX_TEXT * 2 {
        s.push('…');
        return;
    }
    let d = d + 1;
    match &e.kind {
        ExprKind::Ident(n) => s.push_str(n),
        ExprKind::Int(i) => s.push_str(&i.to_string()),
        ExprKind::Float(f) => s.push_str(&super::consts::show_float(*f)),
        ExprKind::Imag => s.push_str("imaginary"),
        ExprKind::Rune(r) => match char::from_u32(*r) {
            Some('\'') => s.push_str("'\\''"),
            Some(c) if !c.is_control() => s.push_str(&format!("'{}'", c)),
            _ => s.push_str(&format!("'\\x{:02x}'", r)),
        },
        ExprKind::Str(b) => s.push_str(&go_quote(b)),
        ExprKind::Composite { ty, elems } => {
            if let Some(t) = ty {
                write_type(t, s, d);
            }
            s.push_str(if elems.is_empty() { "{}" } else { "{…}" });
        }
        ExprKind::FuncLit { .. } => s.push_str("func literal"),
        ExprKind::Paren(x) => {
            s.push('(');
            write_expr(x, s, d);
            s.push(')');
        }
        ExprKind::Selector(x, id) => {
            write_expr(x, s, d);
            s.push('.');
            s.push_str(&id.name);
        }
        ExprKind::Index(x, i) => {
            write_expr(x, s, d);
            s.push('[');
            write_expr(i, s, d);
            s.push(']');
        }
        ExprKind::IndexList(x, is) => {
            write_expr(x, s, d);
            s.push('[');
            for (k, i) in is.iter().enumerate() {
                if k > 0 {
                    s.push_str(", ");
                }
                write_expr(i, s, d);
            }
            s.push(']');
        }
        ExprKind::Slice { x, lo, hi, max } => {
            write_expr(x, s, d);
            s.push('[');
            if let Some(l) = lo {
                write_expr(l, s, d);
            }
            s.push(':');
            if let Some(h) = hi {
                write_expr(h, s, d);
            }
            if let Some(m) = max {
                s.push(':');
                write_expr(m, s, d);
            }
            s.push(']');
        }
        ExprKind::TypeAssert(x, t) => {
            write_expr(x, s, d);
            s.push_str(".(");
            match t {
                Some(t) => write_type(t, s, d),
                None => s.push_str("type"),
            }
            s.push(')');
        }
        ExprKind::Call {
            func,
            args,
            ellipsis,
        } => {
            write_expr(func, s, d);
            s.push('(');
            for (k, a) in args.iter().enumerate() {
                if k > 0 {
                    s.push_str(", ");
                }
                write_expr(a, s, d);
            }
            if *ellipsis {
                s.push_str("...");
            }
            s.push(')');
        }
        ExprKind::Star(x) => {
            s.push('*');
            write_expr(x, s, d);
        }
        ExprKind::Unary(op, x) => {
            s.push_str(match op {
                UnOp::Pos => "+",
                UnOp::Neg => "-",
                UnOp::Not => "!",
                UnOp::Xor => "^",
                UnOp::Addr => "&",
                UnOp::Recv => "<-",
            });
            write_expr(x, s, d);
        }
        ExprKind::Binary(op, a, b) => {
            write_expr(a, s, d);
            s.push(' ');
            s.push_str(op.as_str());
            s.push(' ');
            write_expr(b, s, d);
        }
        ExprKind::Type(t) => write_type(t, s, d),
    }
}

pub fn write_type(t: &TypeExpr, s: &mut String, d: u32) {
    if d > 40 {
        s.push('…');
        return;
    }
    let d = d + 1;
    match t {
        TypeExpr::Name(id) => s.push_str(&id.name),
        TypeExpr::Qualified(p, n) => {
            s.push_str(&p.name);
            s.push('.');
            s.push_str(&n.name);
        }
        TypeExpr::Pointer(e, _) => {
            s.push('*');
            write_type(e, s, d);
        }
        TypeExpr::Slice(e, _) => {
            s.push_str("[]");
            write_type(e, s, d);
        }
        TypeExpr::Array(n, e, _) => {
            s.push('[');
            match n {
                Some(n) => write_expr(n, s, d),
                None => s.push_str("..."),
            }
            s.push(']');
            write_type(e, s, d);
        }
        TypeExpr::Map(k, v, _) => {
            s.push_str("map[");
            write_type(k, s, d);
            s.push(']');
            write_type(v, s, d);
        }
        TypeExpr::Chan(dir, e, _) => {
            s.push_str(match dir {
                crate::types::ChanDir::Both => "chan ",
                crate::types::ChanDir::Send => "chan<- ",
                crate::types::ChanDir::Recv => "<-chan ",
            });
            write_type(e, s, d);
        }
        TypeExpr::Func(_) => s.push_str("func(…)"),
        TypeExpr::Struct(f, _) => s.push_str(if f.is_empty() {
            "struct{}"
        } else {
            "struct{…}"
        }),
        TypeExpr::Interface(m, _) => s.push_str(if m.is_empty() {
            "interface{}"
        } else {
            "interface{…}"
        }),
        TypeExpr::Generic(b, _, _) => {
            write_type(b, s, d);
            s.push_str("[…]");
        }
    }
}

/// Go's `strconv.Quote`-like spelling of a string literal.
pub fn go_quote(b: &[u8]) -> String {
    let mut s = String::from("\"");
    for c in String::from_utf8_lossy(b).chars() {
        match c {
            '"' => s.push_str("\\\""),
            '\\' => s.push_str("\\\\"),
            '\n' => s.push_str("\\n"),
            '\t' => s.push_str("\\t"),
            '\r' => s.push_str("\\r"),
            c if c.is_control() => s.push_str(&format!("\\x{:02x}", c as u32)),
            c => s.push(c),
        }
    }
    s.push('"');
    s
}

impl Compiler<'_> {
    /// A type as types2 spells it in messages: `Celsius` for a type of
    /// package main, `sync.WaitGroup`, `struct{X int}`, `[]int`.
    pub fn tname(&self, t: TypeId) -> String {
        let mut s = String::new();
        self.write_tname(t, &mut s, 0);
        s
    }

    fn write_tname(&self, t: TypeId, s: &mut String, d: u32) {
        if d > 32 {
            s.push('…');
            return;
        }
        let d = d + 1;
        match self.types.get(t) {
            Type::Named { pkg, name, .. } => {
                if !pkg.is_empty() && pkg != "main" {
                    s.push_str(pkg);
                    s.push('.');
                }
                s.push_str(name);
            }
            Type::Basic(k) => s.push_str(k.name()),
            Type::Pointer(e) => {
                s.push('*');
                self.write_tname(*e, s, d);
            }
            Type::Slice(e) => {
                s.push_str("[]");
                self.write_tname(*e, s, d);
            }
            Type::Array(n, e) => {
                s.push_str(&format!("[{}]", n));
                self.write_tname(*e, s, d);
            }
            Type::Map(k, v) => {
                s.push_str("map[");
                self.write_tname(*k, s, d);
                s.push(']');
                self.write_tname(*v, s, d);
            }
            Type::Chan(dir, e) => {
                s.push_str(match dir {
                    crate::types::ChanDir::Both => "chan ",
                    crate::types::ChanDir::Send => "chan<- ",
                    crate::types::ChanDir::Recv => "<-chan ",
                });
                self.write_tname(*e, s, d);
            }
            Type::Func(sig) => {
                s.push_str("func(");
                for (i, p) in sig.params.iter().enumerate() {
                    if i > 0 {
                        s.push_str(", ");
                    }
                    if sig.variadic && i + 1 == sig.params.len() {
                        s.push_str("...");
                        match self.types.get(*p) {
                            Type::Slice(e) => self.write_tname(*e, s, d),
                            _ => self.write_tname(*p, s, d),
                        }
                    } else {
                        self.write_tname(*p, s, d);
                    }
                }
                s.push(')');
                self.write_results(&sig.results, s, d);
            }
            Type::Struct(fs) => {
                s.push_str("struct{");
                for (i, f) in fs.iter().enumerate() {
                    if i > 0 {
                        s.push_str("; ");
                    }
                    s.push_str(&f.name);
                    s.push(' ');
                    self.write_tname(f.ty, s, d);
                }
                s.push('}');
            }
            Type::Interface(ms) => {
                if ms.is_empty() {
                    s.push_str("any");
                } else {
                    s.push_str(&self.types.name(t));
                }
            }
            Type::Tuple(ts) => {
                s.push('(');
                for (i, p) in ts.iter().enumerate() {
                    if i > 0 {
                        s.push_str(", ");
                    }
                    self.write_tname(*p, s, d);
                }
                s.push(')');
            }
            Type::Opaque(_) => s.push_str("struct{...}"),
        }
    }

    fn write_results(&self, rs: &[TypeId], s: &mut String, d: u32) {
        match rs.len() {
            0 => {}
            1 => {
                s.push(' ');
                self.write_tname(rs[0], s, d);
            }
            _ => {
                s.push_str(" (");
                for (i, p) in rs.iter().enumerate() {
                    if i > 0 {
                        s.push_str(", ");
                    }
                    self.write_tname(*p, s, d);
                }
                s.push(')');
            }
        }
    }
}
