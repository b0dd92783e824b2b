//! Statements, blocks and the `if`/`for`/`switch` header rules.

use nom::branch::alt;
use nom::combinator::{map, opt};
use nom::sequence::preceded;
use nom::Parser;

use super::ast::{BinOp, Block, CaseClause, CommClause, Expr, ExprKind, Ident, Stmt, TypeCaseClause, TypeExpr};
use super::decl::{const_decl, type_decl, var_decl};
use super::expr::{expr, primary};
use super::input::{fail, fail_at, fail_plain_at, ident, kw, name, nested, op, semi, soft, want, with_ctrl, PResult, Tokens};
use super::print::{expr_string, stmt_string};
use super::token::{Kind, Token};
use super::types::ty;
use crate::diag::Pos;

/// `{ StatementList }`, one nesting level deeper.
pub fn block(i: Tokens<'_>) -> PResult<'_, Block> {
    nested(with_ctrl(false, block_inner))(i)
}

fn block_inner(i: Tokens<'_>) -> PResult<'_, Block> {
    let (i, open) = op("{")(i)?;
    let (i, stmts) = stmt_list(i)?;
    let (i, close) = want("}")(i)?;
    Ok((i, Block { stmts, pos: open.pos, end: close.pos }))
}

/// A block that must follow a header: Go's `expected { after X clause`.
fn body_block<'a>(i: Tokens<'a>, context: &str) -> PResult<'a, Block> {
    if !i.peek().is_op("{") {
        return fail(&i, format!("expected {{ after {}", context));
    }
    block(i)
}

fn ends_list(t: &Token<'_>) -> bool {
    t.kind == Kind::Eof || t.is_op("}") || t.is_kw("case") || t.is_kw("default")
}

pub fn stmt_list(mut i: Tokens<'_>) -> PResult<'_, Vec<Stmt>> {
    let mut out = Vec::new();
    while !ends_list(i.peek()) {
        let (rest, s) = stmt_or_nil(i)?;
        i = rest;
        let Some(s) = s else { break };
        if !matches!(s, Stmt::Empty(_)) {
            out.push(s);
        }
        if let Ok((rest, _)) = semi(i) {
            i = rest;
        } else if !i.peek().is_op("}") {
            return fail(&i, "at end of statement");
        }
    }
    Ok((i, out))
}

/// A statement if one starts here (Go's `stmtOrNil`).
pub fn stmt_or_nil(i: Tokens<'_>) -> PResult<'_, Option<Stmt>> {
    let r = alt((
        labeled,
        map(preceded(kw("var"), var_decl), Stmt::Var),
        map(preceded(kw("const"), const_decl), Stmt::Const),
        map(preceded(kw("type"), type_decl), Stmt::Type),
        map(block, Stmt::Block),
        if_stmt,
        for_stmt,
        switch_stmt,
        select_stmt,
        go_defer,
        return_stmt,
        branch,
        map(|i| simple_stmt(i, false), |s| match s {
            Simple::Stmt(s) => s,
            Simple::Range { pos, .. } => Stmt::Empty(pos),
        }),
        empty,
    ))
    .parse(i);
    match r {
        Ok((rest, s)) => Ok((rest, Some(s))),
        Err(nom::Err::Error(e)) if e.left == i.toks.len() => Ok((i, None)),
        Err(nom::Err::Error(e)) => Err(nom::Err::Failure(e)),
        Err(e) => Err(e),
    }
}

fn empty(i: Tokens<'_>) -> PResult<'_, Stmt> {
    if i.peek().kind == Kind::Semi {
        Ok((i, Stmt::Empty(i.pos())))
    } else {
        soft(&i)
    }
}

fn labeled(i: Tokens<'_>) -> PResult<'_, Stmt> {
    if !(i.peek().kind == Kind::Ident && i.peek2().is_some_and(|t| t.is_op(":"))) {
        return soft(&i);
    }
    let (i, label) = ident(i)?;
    let (i, colon) = op(":")(i)?;
    if i.peek().is_op("}") {
        return Ok((i, Stmt::Labeled { label, stmt: Box::new(Stmt::Empty(i.pos())) }));
    }
    let (i, s) = nested(stmt_or_nil)(i)?;
    match s {
        Some(s) => Ok((i, Stmt::Labeled { label, stmt: Box::new(s) })),
        None => fail_at(&i, colon.pos, "missing statement after label"),
    }
}

/// `go` / `defer` take a primary expression; whether it is a call is the
/// checker's business (types2 reports it), parentheses are the parser's.
fn go_defer(i: Tokens<'_>) -> PResult<'_, Stmt> {
    let t = i.peek();
    let pos = t.pos;
    if !(t.is_kw("go") || t.is_kw("defer")) {
        return soft(&i);
    }
    let (i, x) = primary(i.advance(1))?;
    if let ExprKind::Paren(_) = x.kind {
        return fail_plain_at(&i, x.pos, format!("expression in {} must not be parenthesized", t.text));
    }
    Ok((i, if t.text == "go" { Stmt::Go(x, pos) } else { Stmt::Defer(x, pos) }))
}

fn return_stmt(i: Tokens<'_>) -> PResult<'_, Stmt> {
    let (i, t) = kw("return")(i)?;
    let next = i.peek();
    if next.kind == Kind::Semi || next.is_op("}") {
        return Ok((i, Stmt::Return(Vec::new(), t.pos)));
    }
    map(expr_list, |xs| Stmt::Return(xs, t.pos)).parse(i)
}

fn branch(i: Tokens<'_>) -> PResult<'_, Stmt> {
    let t = i.peek();
    let pos = t.pos;
    if t.kind != Kind::Keyword {
        return soft(&i);
    }
    let rest = i.advance(1);
    match t.text {
        "break" => map(opt(ident), move |l| Stmt::Break(l, pos)).parse(rest),
        "continue" => map(opt(ident), move |l| Stmt::Continue(l, pos)).parse(rest),
        "goto" => map(name, move |l| Stmt::Goto(l, pos)).parse(rest),
        "fallthrough" => Ok((rest, Stmt::Fallthrough(pos))),
        _ => soft(&i),
    }
}

pub fn expr_list(i: Tokens<'_>) -> PResult<'_, Vec<Expr>> {
    let (mut i, first) = expr(i)?;
    let mut out = vec![first];
    while let Ok((rest, _)) = op(",")(i) {
        let (rest, x) = expr(rest)?;
        out.push(x);
        i = rest;
    }
    Ok((i, out))
}

/// A simple statement, or a range clause where one is allowed.
pub enum Simple {
    Stmt(Stmt),
    Range { key: Option<Expr>, value: Option<Expr>, define: bool, expr: Expr, pos: Pos },
}

fn starts_simple(t: &Token<'_>) -> bool {
    match t.kind {
        Kind::Ident | Kind::Int | Kind::Float | Kind::Imag | Kind::Rune | Kind::Str | Kind::RawStr => true,
        Kind::Keyword => matches!(t.text, "func" | "struct" | "map" | "chan" | "interface"),
        Kind::Op => matches!(t.text, "(" | "[" | "<-" | "+" | "-" | "*" | "&" | "^" | "!"),
        _ => false,
    }
}

fn assign_op(t: &Token<'_>) -> Option<Option<BinOp>> {
    if t.kind != Kind::Op {
        return None;
    }
    use BinOp::*;
    Some(Some(match t.text {
        "=" => return Some(None),
        "+=" => Add,
        "-=" => Sub,
        "*=" => Mul,
        "/=" => Div,
        "%=" => Rem,
        "&=" => And,
        "|=" => Or,
        "^=" => Xor,
        "<<=" => Shl,
        ">>=" => Shr,
        "&^=" => AndNot,
        _ => return None,
    }))
}

pub fn simple_stmt(i: Tokens<'_>, range_ok: bool) -> PResult<'_, Simple> {
    let t = i.peek();
    if range_ok && t.is_kw("range") {
        let (i, x) = expr(i.advance(1))?;
        return Ok((i, Simple::Range { key: None, value: None, define: false, expr: x, pos: t.pos }));
    }
    if !starts_simple(t) {
        return soft(&i);
    }
    let (i, lhs) = expr_list(i)?;
    // cmd/compile positions assignments, inc/dec and sends at the operator.
    let t = i.peek();
    let pos = t.pos;
    if t.is_op(":=") || assign_op(t).is_some() {
        let define = t.is_op(":=");
        let rest = i.advance(1);
        if range_ok && (define || t.is_op("=")) && rest.peek().is_kw("range") {
            let (rest, x) = expr(rest.advance(1))?;
            return range_clause(rest, lhs, define, x);
        }
        let (rest, rhs) = expr_list(rest)?;
        if define {
            let names = to_names(&i, lhs)?;
            return Ok((rest, Simple::Stmt(Stmt::ShortVar { names, values: rhs, pos })));
        }
        return Ok((rest, Simple::Stmt(Stmt::Assign { lhs, rhs, op: assign_op(t).flatten(), pos })));
    }
    if lhs.len() > 1 {
        return fail(&i, "expected := or = or comma");
    }
    let x = lhs.into_iter().next().unwrap_or(Expr { kind: ExprKind::Ident("_".into()), pos });
    let pos = if t.is_op("++") || t.is_op("--") || t.is_op("<-") { pos } else { x.pos };
    if t.is_op("++") || t.is_op("--") {
        return Ok((i.advance(1), Simple::Stmt(Stmt::IncDec { target: x, inc: t.text == "++", pos })));
    }
    if t.is_op("<-") {
        let (rest, value) = expr(i.advance(1))?;
        return Ok((rest, Simple::Stmt(Stmt::Send { ch: x, value, pos })));
    }
    Ok((i, Simple::Stmt(Stmt::Expr(x))))
}

fn range_clause<'a>(i: Tokens<'a>, lhs: Vec<Expr>, define: bool, x: Expr) -> PResult<'a, Simple> {
    let pos = lhs[0].pos;
    if lhs.len() > 2 {
        return fail_plain_at(&i, lhs[2].pos, "range clause permits at most two iteration variables");
    }
    if define {
        to_names(&i, lhs.clone())?;
    }
    let mut it = lhs.into_iter();
    Ok((i, Simple::Range { key: it.next(), value: it.next(), define, expr: x, pos }))
}

fn to_names<'a>(i: &Tokens<'a>, lhs: Vec<Expr>) -> Result<Vec<Ident>, nom::Err<super::input::PErr<'a>>> {
    let mut names = Vec::with_capacity(lhs.len());
    for x in lhs {
        match x.kind {
            ExprKind::Ident(n) => names.push(Ident { name: n, pos: x.pos }),
            _ => return fail_plain_at(i, x.pos, format!("non-name {} on left side of :=", expr_string(&x))).map(|(_, v)| v),
        }
    }
    Ok(names)
}

struct Header {
    init: Option<Box<Stmt>>,
    cond: Option<Simple>,
    post: Option<Box<Stmt>>,
}

fn boxed(s: Option<Simple>) -> Option<Box<Stmt>> {
    match s {
        Some(Simple::Stmt(s)) => Some(Box::new(s)),
        _ => None,
    }
}

/// Go's `header`: `[init ;] cond` for if/switch, `init; cond; post` or a
/// range clause for for. Runs with bare-name composite literals disabled.
fn header<'a>(i: Tokens<'a>, keyword: &'static str) -> PResult<'a, Header> {
    let outer = i;
    let (i, h) = with_ctrl(true, move |i| header_inner(i, keyword))(i)?;
    Ok((i.restore(&outer), h))
}

fn header_inner<'a>(i: Tokens<'a>, keyword: &'static str) -> PResult<'a, Header> {
    let none = Header { init: None, cond: None, post: None };
    if i.peek().is_op("{") {
        if keyword == "if" {
            return fail(&i, "missing condition in if statement");
        }
        return Ok((i, none));
    }
    let mut i = i;
    let mut init = None;
    if i.peek().kind != Kind::Semi {
        if i.peek().is_kw("var") {
            return fail(&i.advance(1), format!("var declaration not allowed in {} initializer", keyword));
        }
        let (rest, s) = must_simple(i, keyword == "for")?;
        if let Simple::Range { .. } = s {
            return Ok((rest, Header { init: None, cond: Some(s), post: None }));
        }
        init = Some(s);
        i = rest;
    }
    if i.peek().is_op("{") {
        return Ok((i, Header { init: None, cond: init, post: None }));
    }
    let semi_tok = match semi(i) {
        Ok((rest, t)) => {
            i = rest;
            t
        }
        Err(_) => return fail(&i, "expected {"),
    };
    let mut cond = None;
    let mut post = None;
    if keyword == "for" {
        if i.peek().kind != Kind::Semi {
            if i.peek().is_op("{") {
                return fail(&i, "expected for loop condition");
            }
            let (rest, c) = must_simple(i, false)?;
            cond = Some(c);
            i = rest;
        }
        let (rest, _) = semi(i).or_else(|_| fail(&i, "expected semicolon or newline"))?;
        i = rest;
        if !i.peek().is_op("{") {
            let (rest, p) = must_simple(i, false)?;
            if let Simple::Stmt(Stmt::ShortVar { pos, .. }) = p {
                return fail_at(&rest, pos, "cannot declare in post statement of for loop");
            }
            post = Some(p);
            i = rest;
        }
    } else if !i.peek().is_op("{") {
        let (rest, c) = must_simple(i, false)?;
        cond = Some(c);
        i = rest;
    } else if keyword == "if" {
        if semi_tok.text != "semicolon" {
            return fail_at(&i, semi_tok.pos, format!("unexpected {}, expected {{ after if clause", semi_tok.text));
        }
        return fail_at(&i, semi_tok.pos, "missing condition in if statement");
    }
    Ok((i, Header { init: boxed(init), cond, post: boxed(post) }))
}

fn must_simple(i: Tokens<'_>, range_ok: bool) -> PResult<'_, Simple> {
    match simple_stmt(i, range_ok) {
        Err(nom::Err::Error(_)) => fail(&i, "expected expression"),
        r => r,
    }
}

/// The condition of an if/for, which must be an expression.
fn cond_expr<'a>(i: &Tokens<'a>, s: Option<Simple>) -> Result<Option<Expr>, nom::Err<super::input::PErr<'a>>> {
    match s {
        None => Ok(None),
        Some(Simple::Stmt(Stmt::Expr(x))) => Ok(Some(x)),
        Some(Simple::Stmt(s)) => fail_at(i, s.pos(), format!("cannot use {} as value", stmt_string(&s))).map(|(_, v)| v),
        Some(Simple::Range { pos, .. }) => fail_at(i, pos, "unexpected range").map(|(_, v)| v),
    }
}

fn if_stmt(i: Tokens<'_>) -> PResult<'_, Stmt> {
    let (i, t) = kw("if")(i)?;
    let (i, h) = header(i, "if")?;
    let cond = match cond_expr(&i, h.cond)? {
        Some(c) => c,
        None => return fail(&i, "missing condition in if statement"),
    };
    let (i, then) = body_block(i, "if clause")?;
    let (i, els) = match kw("else")(i) {
        Err(_) => (i, None),
        Ok((i, _)) => {
            let (i, s) = if i.peek().is_kw("if") {
                nested(if_stmt)(i)?
            } else if i.peek().is_op("{") {
                map(block, Stmt::Block).parse(i)?
            } else {
                return fail(&i, "else must be followed by if or statement block");
            };
            (i, Some(Box::new(s)))
        }
    };
    Ok((i, Stmt::If { init: h.init, cond, then, els, pos: t.pos }))
}

fn for_stmt(i: Tokens<'_>) -> PResult<'_, Stmt> {
    let (i, t) = kw("for")(i)?;
    let pos = t.pos;
    let (i, h) = header(i, "for")?;
    if let Some(Simple::Range { key, value, define, expr, .. }) = h.cond {
        let (i, body) = body_block(i, "for clause")?;
        return Ok((i, Stmt::Range { key, value, define, expr, body, pos }));
    }
    let cond = cond_expr(&i, h.cond)?;
    let (i, body) = body_block(i, "for clause")?;
    Ok((i, Stmt::For { init: h.init, cond, post: h.post, body, pos }))
}

/// `x.(type)` or `v := x.(type)` as a switch tag.
fn type_guard(s: &Stmt) -> Option<(Option<Ident>, Expr)> {
    let operand = |x: &Expr| match &x.kind {
        ExprKind::TypeAssert(inner, None) => Some((**inner).clone()),
        _ => None,
    };
    match s {
        Stmt::Expr(x) => operand(x).map(|e| (None, e)),
        Stmt::ShortVar { names, values, .. } if names.len() == 1 && values.len() == 1 => {
            operand(&values[0]).map(|e| (Some(names[0].clone()), e))
        }
        _ => None,
    }
}

fn switch_stmt(i: Tokens<'_>) -> PResult<'_, Stmt> {
    let (i, t) = kw("switch")(i)?;
    let pos = t.pos;
    let (i, h) = header(i, "switch")?;
    let guard = match &h.cond {
        Some(Simple::Stmt(s)) => type_guard(s),
        _ => None,
    };
    if !i.peek().is_op("{") {
        return fail(&i, "missing { after switch clause");
    }
    let i = deeper_block(i)?;
    if let Some((bind, x)) = guard {
        let (i, cases) = clauses(i, type_case)?;
        return Ok((i, Stmt::TypeSwitch { init: h.init, bind, expr: x, cases, pos }));
    }
    let tag = cond_expr(&i.0, h.cond)?;
    let (i, cases) = clauses(i, expr_case)?;
    Ok((i, Stmt::Switch { init: h.init, tag, cases, pos }))
}

/// Enters a `{ ... }` body of clauses one level deeper; returns the inner
/// input and remembers the outer one for restoring.
fn deeper_block<'a>(i: Tokens<'a>) -> Result<(Tokens<'a>, Tokens<'a>), nom::Err<super::input::PErr<'a>>> {
    let inner = super::input::deeper(&i, 1)?;
    Ok((Tokens { ctrl: false, ..inner }.advance(1), i))
}

/// Clauses up to the closing `}`; the remainder gets the outer state back.
fn clauses<'a, C>((mut i, outer): (Tokens<'a>, Tokens<'a>), mut clause: impl FnMut(Tokens<'a>) -> PResult<'a, C>) -> PResult<'a, Vec<C>> {
    let mut out = Vec::new();
    while i.peek().kind != Kind::Eof && !i.peek().is_op("}") {
        if !(i.peek().is_kw("case") || i.peek().is_kw("default")) {
            return fail(&i, "expected case or default or }");
        }
        let (rest, c) = clause(i)?;
        out.push(c);
        i = rest;
    }
    let (i, _) = want("}")(i)?;
    Ok((i.restore(&outer), out))
}

fn clause_head<'a, T>(
    i: Tokens<'a>,
    mut items: impl FnMut(Tokens<'a>) -> PResult<'a, Vec<T>>,
) -> PResult<'a, (Vec<T>, bool, Pos, Vec<Stmt>)> {
    let pos = i.pos();
    let (i, list, is_default) = if let Ok((i, _)) = kw("case")(i) {
        let (i, xs) = items(i)?;
        (i, xs, false)
    } else {
        let (i, _) = kw("default")(i)?;
        (i, Vec::new(), true)
    };
    let (i, _) = want(":")(i)?;
    let (i, body) = stmt_list(i)?;
    Ok((i, (list, is_default, pos, body)))
}

fn expr_case(i: Tokens<'_>) -> PResult<'_, CaseClause> {
    map(|i| clause_head(i, expr_list), |(exprs, is_default, pos, body)| CaseClause { exprs, is_default, body, pos }).parse(i)
}

fn type_case(i: Tokens<'_>) -> PResult<'_, TypeCaseClause> {
    fn type_list(i: Tokens<'_>) -> PResult<'_, Vec<Option<TypeExpr>>> {
        let (mut i, first) = ty(i)?;
        let mut out = vec![first];
        while let Ok((rest, _)) = op(",")(i) {
            let (rest, t) = ty(rest)?;
            out.push(t);
            i = rest;
        }
        let out = out.into_iter().map(|t| match t {
            TypeExpr::Name(ref id) if id.name == "nil" => None,
            t => Some(t),
        });
        Ok((i, out.collect::<Vec<_>>()))
    }
    map(|i| clause_head(i, type_list), |(types, is_default, pos, body)| TypeCaseClause { types, is_default, body, pos }).parse(i)
}

fn select_stmt(i: Tokens<'_>) -> PResult<'_, Stmt> {
    let (i, t) = kw("select")(i)?;
    if !i.peek().is_op("{") {
        return fail(&i, "missing { after select clause");
    }
    let i = deeper_block(i)?;
    let comm = |i| {
        let (i, s) = must_simple(i, false)?;
        match s {
            Simple::Stmt(s) => Ok((i, vec![s])),
            Simple::Range { pos, .. } => fail_at(&i, pos, "unexpected range"),
        }
    };
    let (i, cases) = clauses(i, |i| {
        map(|i| clause_head(i, comm), |(mut s, _, pos, body)| CommClause { comm: s.pop().map(Box::new), body, pos }).parse(i)
    })?;
    Ok((i, Stmt::Select { cases, pos: t.pos }))
}
