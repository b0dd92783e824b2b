//! Statements, blocks and the `if`/`for`/`switch` header rules.
//!
//! Statement parsers return `Box<Stmt>`: a `Stmt` is several hundred bytes
//! and debug builds keep every temporary in its own stack slot, so boxing
//! keeps each frame on the block-nesting path small (see `MAX_NESTING`).

use nom::combinator::{map, opt};
use nom::sequence::preceded;
use nom::Parser;

use super::ast::{
    BinOp, Block, CaseClause, CommClause, Expr, ExprKind, Ident, Stmt, TypeCaseClause, TypeExpr,
};
use super::decl::{const_decl, type_decl, var_decl};
use super::expr::{expr, primary};
use super::input::{
    deeper, fail, fail_at, fail_plain_at, ident, kw, name, op, semi, soft, want, PErr, PResult,
    Tokens,
};
use super::print::{expr_string, stmt_string};
use super::token::{Kind, Token};
use super::types::ty;
use crate::diag::Pos;

type BStmt = Box<Stmt>;

/// `{ StatementList }`, one nesting level deeper.
pub fn block(i: Tokens<'_>) -> PResult<'_, Block> {
    let inner = Tokens {
        ctrl: false,
        ..deeper(&i, 1)?
    };
    let (rest, open) = op("{")(inner)?;
    let (rest, stmts) = stmt_list(rest)?;
    let (rest, close) = want("}")(rest)?;
    Ok((
        rest.restore(&i),
        Block {
            stmts,
            pos: open.pos,
            end: close.pos,
        },
    ))
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
        if !matches!(*s, Stmt::Empty(_)) {
            out.push(*s);
        }
        if let Ok((rest, _)) = semi(i) {
            i = rest;
        } else if !i.peek().is_op("}") {
            return fail(&i, "at end of statement");
        }
    }
    Ok((i, out))
}

fn bx(s: Stmt) -> BStmt {
    Box::new(s)
}

/// A statement if one starts here (Go's `stmtOrNil`): dispatches on the
/// first token, as cmd/compile does, so no alternative is tried twice.
pub fn stmt_or_nil(i: Tokens<'_>) -> PResult<'_, Option<BStmt>> {
    let t = i.peek();
    let r = match (t.kind, t.text) {
        (Kind::Ident, _) if i.peek2().is_some_and(|n| n.is_op(":")) => labeled(i),
        (Kind::Keyword, "var") => map(preceded(kw("var"), var_decl), |v| bx(Stmt::Var(v))).parse(i),
        (Kind::Keyword, "const") => {
            map(preceded(kw("const"), const_decl), |v| bx(Stmt::Const(v))).parse(i)
        }
        (Kind::Keyword, "type") => {
            map(preceded(kw("type"), type_decl), |v| bx(Stmt::Type(v))).parse(i)
        }
        (Kind::Op, "{") => map(block, |b| bx(Stmt::Block(b))).parse(i),
        (Kind::Keyword, "if") => if_stmt(i),
        (Kind::Keyword, "for") => for_stmt(i),
        (Kind::Keyword, "switch") => switch_stmt(i),
        (Kind::Keyword, "select") => select_stmt(i),
        (Kind::Keyword, "go" | "defer") => go_defer(i),
        (Kind::Keyword, "return") => return_stmt(i),
        (Kind::Keyword, "break" | "continue" | "goto" | "fallthrough") => branch(i),
        (Kind::Semi, _) => empty(i),
        _ => map(
            |i| simple_stmt(i, false),
            |s| match s {
                Simple::Stmt(s) => s,
                Simple::Range(r) => bx(Stmt::Empty(r.pos)),
            },
        )
        .parse(i),
    };
    match r {
        Ok((rest, s)) => Ok((rest, Some(s))),
        Err(nom::Err::Error(e)) if e.left == i.toks.len() => Ok((i, None)),
        Err(nom::Err::Error(e)) => Err(nom::Err::Failure(e)),
        Err(e) => Err(e),
    }
}

fn empty(i: Tokens<'_>) -> PResult<'_, BStmt> {
    if i.peek().kind == Kind::Semi {
        Ok((i, bx(Stmt::Empty(i.pos()))))
    } else {
        soft(&i)
    }
}

fn labeled(i: Tokens<'_>) -> PResult<'_, BStmt> {
    if !(i.peek().kind == Kind::Ident && i.peek2().is_some_and(|t| t.is_op(":"))) {
        return soft(&i);
    }
    let (rest, label) = ident(i)?;
    let (rest, colon) = op(":")(rest)?;
    if rest.peek().is_op("}") {
        return Ok((
            rest,
            bx(Stmt::Labeled {
                label,
                stmt: bx(Stmt::Empty(rest.pos())),
            }),
        ));
    }
    let (rest, s) = stmt_or_nil(deeper(&rest, 1)?)?;
    let rest = rest.restore(&i);
    match s {
        Some(s) => Ok((rest, bx(Stmt::Labeled { label, stmt: s }))),
        None => fail_at(&rest, colon.pos, "missing statement after label"),
    }
}

/// `go` / `defer` take a primary expression; whether it is a call is the
/// checker's business (types2 reports it), parentheses are the parser's.
fn go_defer(i: Tokens<'_>) -> PResult<'_, BStmt> {
    let t = i.peek();
    let pos = t.pos;
    if !(t.is_kw("go") || t.is_kw("defer")) {
        return soft(&i);
    }
    let (i, x) = primary(i.advance(1))?;
    if let ExprKind::Paren(_) = x.kind {
        return fail_plain_at(
            &i,
            x.pos,
            format!("expression in {} must not be parenthesized", t.text),
        );
    }
    Ok((
        i,
        bx(if t.text == "go" {
            Stmt::Go(*x, pos)
        } else {
            Stmt::Defer(*x, pos)
        }),
    ))
}

fn return_stmt(i: Tokens<'_>) -> PResult<'_, BStmt> {
    let (i, t) = kw("return")(i)?;
    let next = i.peek();
    if next.kind == Kind::Semi || next.is_op("}") {
        return Ok((i, bx(Stmt::Return(Vec::new(), t.pos))));
    }
    map(expr_list, |xs| bx(Stmt::Return(xs, t.pos))).parse(i)
}

fn branch(i: Tokens<'_>) -> PResult<'_, BStmt> {
    let t = i.peek();
    let pos = t.pos;
    if t.kind != Kind::Keyword {
        return soft(&i);
    }
    let rest = i.advance(1);
    match t.text {
        "break" => map(opt(ident), move |l| bx(Stmt::Break(l, pos))).parse(rest),
        "continue" => map(opt(ident), move |l| bx(Stmt::Continue(l, pos))).parse(rest),
        "goto" => map(name, move |l| bx(Stmt::Goto(l, pos))).parse(rest),
        "fallthrough" => Ok((rest, bx(Stmt::Fallthrough(pos)))),
        _ => soft(&i),
    }
}

pub fn expr_list(i: Tokens<'_>) -> PResult<'_, Vec<Expr>> {
    let (mut i, first) = expr(i)?;
    let mut out = vec![*first];
    while let Ok((rest, _)) = op(",")(i) {
        let (rest, x) = expr(rest)?;
        out.push(*x);
        i = rest;
    }
    Ok((i, out))
}

pub struct RangeClause {
    key: Option<Expr>,
    value: Option<Expr>,
    define: bool,
    expr: Expr,
    pos: Pos,
}

/// A simple statement, or a range clause where one is allowed.
pub enum Simple {
    Stmt(BStmt),
    Range(Box<RangeClause>),
}

fn starts_simple(t: &Token<'_>) -> bool {
    match t.kind {
        Kind::Ident
        | Kind::Int
        | Kind::Float
        | Kind::Imag
        | Kind::Rune
        | Kind::Str
        | Kind::RawStr => true,
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
        return Ok((
            i,
            Simple::Range(Box::new(RangeClause {
                key: None,
                value: None,
                define: false,
                expr: *x,
                pos: t.pos,
            })),
        ));
    }
    if !starts_simple(t) {
        return soft(&i);
    }
    let (i, lhs) = expr_list(i)?;
    // cmd/compile positions assignments, inc/dec and sends at the operator.
    let t = i.peek();
    if t.is_op(":=") || assign_op(t).is_some() {
        return assignment(i, lhs, range_ok);
    }
    if lhs.len() > 1 {
        return fail(&i, "expected := or = or comma");
    }
    let Some(x) = lhs.into_iter().next() else {
        return soft(&i);
    };
    if t.is_op("++") || t.is_op("--") {
        return Ok((
            i.advance(1),
            Simple::Stmt(bx(Stmt::IncDec {
                target: x,
                inc: t.text == "++",
                pos: t.pos,
            })),
        ));
    }
    if t.is_op("<-") {
        let (rest, value) = expr(i.advance(1))?;
        return Ok((
            rest,
            Simple::Stmt(bx(Stmt::Send {
                ch: x,
                value: *value,
                pos: t.pos,
            })),
        ));
    }
    Ok((i, Simple::Stmt(bx(Stmt::Expr(x)))))
}

/// `lhs := ...`, `lhs = ...`, `lhs op= ...`, or a range clause; `i` is at
/// the operator.
fn assignment<'a>(i: Tokens<'a>, lhs: Vec<Expr>, range_ok: bool) -> PResult<'a, Simple> {
    let t = i.peek();
    let define = t.is_op(":=");
    let rest = i.advance(1);
    if range_ok && (define || t.is_op("=")) && rest.peek().is_kw("range") {
        let (rest, x) = expr(rest.advance(1))?;
        return range_clause(rest, lhs, define, *x);
    }
    let (rest, rhs) = expr_list(rest)?;
    if define {
        let names = to_names(&i, lhs)?;
        return Ok((
            rest,
            Simple::Stmt(bx(Stmt::ShortVar {
                names,
                values: rhs,
                pos: t.pos,
            })),
        ));
    }
    Ok((
        rest,
        Simple::Stmt(bx(Stmt::Assign {
            lhs,
            rhs,
            op: assign_op(t).flatten(),
            pos: t.pos,
        })),
    ))
}

fn range_clause<'a>(i: Tokens<'a>, lhs: Vec<Expr>, define: bool, x: Expr) -> PResult<'a, Simple> {
    let pos = lhs[0].pos;
    if lhs.len() > 2 {
        return fail_plain_at(
            &i,
            lhs[2].pos,
            "range clause permits at most two iteration variables",
        );
    }
    if define {
        to_names(&i, lhs.clone())?;
    }
    let mut it = lhs.into_iter();
    Ok((
        i,
        Simple::Range(Box::new(RangeClause {
            key: it.next(),
            value: it.next(),
            define,
            expr: x,
            pos,
        })),
    ))
}

fn to_names<'a>(i: &Tokens<'a>, lhs: Vec<Expr>) -> Result<Vec<Ident>, nom::Err<PErr<'a>>> {
    let mut names = Vec::with_capacity(lhs.len());
    for x in lhs {
        match x.kind {
            ExprKind::Ident(n) => names.push(Ident {
                name: n,
                pos: x.pos,
            }),
            _ => {
                return fail_plain_at(
                    i,
                    x.pos,
                    format!("non-name {} on left side of :=", expr_string(&x)),
                )
                .map(|(_, v)| v)
            }
        }
    }
    Ok(names)
}

struct Header {
    init: Option<BStmt>,
    cond: Option<Simple>,
    post: Option<BStmt>,
}

fn stmt_of(s: Option<Simple>) -> Option<BStmt> {
    match s {
        Some(Simple::Stmt(s)) => Some(s),
        _ => None,
    }
}

/// Go's `header`: `[init ;] cond` for if/switch, `init; cond; post` or a
/// range clause for for. Runs with bare-name composite literals disabled.
fn header<'a>(i: Tokens<'a>, keyword: &'static str) -> PResult<'a, Header> {
    let (rest, h) = header_inner(Tokens { ctrl: true, ..i }, keyword)?;
    Ok((rest.restore(&i), h))
}

fn header_inner<'a>(i: Tokens<'a>, keyword: &'static str) -> PResult<'a, Header> {
    if i.peek().is_op("{") {
        if keyword == "if" {
            return fail(&i, "missing condition in if statement");
        }
        return Ok((
            i,
            Header {
                init: None,
                cond: None,
                post: None,
            },
        ));
    }
    let mut i = i;
    let mut init = None;
    if i.peek().kind != Kind::Semi {
        if i.peek().is_kw("var") {
            return fail(
                &i.advance(1),
                format!("var declaration not allowed in {} initializer", keyword),
            );
        }
        let (rest, s) = must_simple(i, keyword == "for")?;
        if let Simple::Range(_) = s {
            return Ok((
                rest,
                Header {
                    init: None,
                    cond: Some(s),
                    post: None,
                },
            ));
        }
        init = Some(s);
        i = rest;
    }
    if i.peek().is_op("{") {
        return Ok((
            i,
            Header {
                init: None,
                cond: init,
                post: None,
            },
        ));
    }
    let Ok((rest, semi_tok)) = semi(i) else {
        return fail(&i, "expected {");
    };
    let i = rest;
    if keyword == "for" {
        return for_rest(i, init);
    }
    if !i.peek().is_op("{") {
        let (rest, c) = must_simple(i, false)?;
        return Ok((
            rest,
            Header {
                init: stmt_of(init),
                cond: Some(c),
                post: None,
            },
        ));
    }
    if keyword == "if" {
        if semi_tok.text != "semicolon" {
            return fail_at(
                &i,
                semi_tok.pos,
                format!("unexpected {}, expected {{ after if clause", semi_tok.text),
            );
        }
        return fail_at(&i, semi_tok.pos, "missing condition in if statement");
    }
    Ok((
        i,
        Header {
            init: stmt_of(init),
            cond: None,
            post: None,
        },
    ))
}

/// `cond; post` of a three-clause for, after the first semicolon.
fn for_rest(mut i: Tokens<'_>, init: Option<Simple>) -> PResult<'_, Header> {
    let mut cond = None;
    if i.peek().kind != Kind::Semi {
        if i.peek().is_op("{") {
            return fail(&i, "expected for loop condition");
        }
        let (rest, c) = must_simple(i, false)?;
        cond = Some(c);
        i = rest;
    }
    let Ok((mut i, _)) = semi(i) else {
        return fail(&i, "expected semicolon or newline");
    };
    let mut post = None;
    if !i.peek().is_op("{") {
        let (rest, p) = must_simple(i, false)?;
        if let Simple::Stmt(s) = &p {
            if let Stmt::ShortVar { pos, .. } = **s {
                return fail_at(&rest, pos, "cannot declare in post statement of for loop");
            }
        }
        post = stmt_of(Some(p));
        i = rest;
    }
    Ok((
        i,
        Header {
            init: stmt_of(init),
            cond,
            post,
        },
    ))
}

fn must_simple(i: Tokens<'_>, range_ok: bool) -> PResult<'_, Simple> {
    match simple_stmt(i, range_ok) {
        Err(nom::Err::Error(_)) => fail(&i, "expected expression"),
        r => r,
    }
}

/// The condition of an if/for/switch, which must be an expression.
fn cond_expr<'a>(i: &Tokens<'a>, s: Option<Simple>) -> Result<Option<Expr>, nom::Err<PErr<'a>>> {
    match s {
        None => Ok(None),
        Some(Simple::Stmt(s)) => match *s {
            Stmt::Expr(x) => Ok(Some(x)),
            s => fail_at(
                i,
                s.pos(),
                format!("cannot use {} as value", stmt_string(&s)),
            )
            .map(|(_, v)| v),
        },
        Some(Simple::Range(r)) => fail_at(i, r.pos, "unexpected range").map(|(_, v)| v),
    }
}

fn if_stmt(i: Tokens<'_>) -> PResult<'_, BStmt> {
    let (i, t) = kw("if")(i)?;
    let (i, h) = header(i, "if")?;
    let Some(cond) = cond_expr(&i, h.cond)? else {
        return fail(&i, "missing condition in if statement");
    };
    let (i, then) = body_block(i, "if clause")?;
    let (i, els) = else_branch(i)?;
    Ok((
        i,
        bx(Stmt::If {
            init: h.init,
            cond,
            then,
            els,
            pos: t.pos,
        }),
    ))
}

/// `else if ...` (one level deeper, as the tree nests) or `else { ... }`.
fn else_branch(i: Tokens<'_>) -> PResult<'_, Option<BStmt>> {
    let Ok((rest, _)) = kw("else")(i) else {
        return Ok((i, None));
    };
    if rest.peek().is_kw("if") {
        let (after, s) = if_stmt(deeper(&rest, 1)?)?;
        return Ok((after.restore(&i), Some(s)));
    }
    if rest.peek().is_op("{") {
        let (after, b) = block(rest)?;
        return Ok((after, Some(bx(Stmt::Block(b)))));
    }
    fail(&rest, "else must be followed by if or statement block")
}

fn for_stmt(i: Tokens<'_>) -> PResult<'_, BStmt> {
    let (i, t) = kw("for")(i)?;
    let pos = t.pos;
    let (i, h) = header(i, "for")?;
    if let Some(Simple::Range(r)) = h.cond {
        let RangeClause {
            key,
            value,
            define,
            expr,
            ..
        } = *r;
        let (i, body) = body_block(i, "for clause")?;
        return Ok((
            i,
            bx(Stmt::Range {
                key,
                value,
                define,
                expr,
                body,
                pos,
            }),
        ));
    }
    let cond = cond_expr(&i, h.cond)?;
    let (i, body) = body_block(i, "for clause")?;
    Ok((
        i,
        bx(Stmt::For {
            init: h.init,
            cond,
            post: h.post,
            body,
            pos,
        }),
    ))
}

/// `x.(type)` or `v := x.(type)` as a switch tag: the bound name and `x`.
fn type_guard(s: &Option<Simple>) -> Option<(Option<Ident>, Expr)> {
    let Some(Simple::Stmt(s)) = s else {
        return None;
    };
    let operand = |x: &Expr| match &x.kind {
        ExprKind::TypeAssert(inner, None) => Some((**inner).clone()),
        _ => None,
    };
    match &**s {
        Stmt::Expr(x) => operand(x).map(|e| (None, e)),
        Stmt::ShortVar { names, values, .. } if names.len() == 1 && values.len() == 1 => {
            operand(&values[0]).map(|e| (Some(names[0].clone()), e))
        }
        _ => None,
    }
}

fn switch_stmt(i: Tokens<'_>) -> PResult<'_, BStmt> {
    let (i, t) = kw("switch")(i)?;
    let pos = t.pos;
    let (i, h) = header(i, "switch")?;
    if !i.peek().is_op("{") {
        return fail(&i, "missing { after switch clause");
    }
    if let Some((bind, x)) = type_guard(&h.cond) {
        let (i, cases) = clauses(i, type_case)?;
        return Ok((
            i,
            bx(Stmt::TypeSwitch {
                init: h.init,
                bind,
                expr: x,
                cases,
                pos,
            }),
        ));
    }
    let tag = cond_expr(&i, h.cond)?;
    let (i, cases) = clauses(i, expr_case)?;
    Ok((
        i,
        bx(Stmt::Switch {
            init: h.init,
            tag,
            cases,
            pos,
        }),
    ))
}

/// `{ clause... }` of a switch or select.
fn clauses<'a, C>(
    i: Tokens<'a>,
    mut clause: impl FnMut(Tokens<'a>) -> PResult<'a, C>,
) -> PResult<'a, Vec<C>> {
    // Two levels: the clause list, and each clause's statement list.
    let mut inner = Tokens {
        ctrl: false,
        ..deeper(&i, 2)?
    }
    .advance(1);
    let mut out = Vec::new();
    while inner.peek().kind != Kind::Eof && !inner.peek().is_op("}") {
        if !(inner.peek().is_kw("case") || inner.peek().is_kw("default")) {
            return fail(&inner, "expected case or default or }");
        }
        let (rest, c) = clause(inner)?;
        out.push(c);
        inner = rest;
    }
    let (rest, _) = want("}")(inner)?;
    Ok((rest.restore(&i), out))
}

/// `case items:` or `default:`, then the clause body.
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
    map(
        |i| clause_head(i, expr_list),
        |(exprs, is_default, pos, body)| CaseClause {
            exprs,
            is_default,
            body,
            pos,
        },
    )
    .parse(i)
}

/// Types of a type-switch case; `nil` becomes `None`.
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
    Ok((i, out.collect()))
}

fn type_case(i: Tokens<'_>) -> PResult<'_, TypeCaseClause> {
    map(
        |i| clause_head(i, type_list),
        |(types, is_default, pos, body)| TypeCaseClause {
            types,
            is_default,
            body,
            pos,
        },
    )
    .parse(i)
}

/// The statement of a select case; whether it is a valid communication is
/// left to the checker, which can phrase it the way types2 does.
fn comm(i: Tokens<'_>) -> PResult<'_, Vec<BStmt>> {
    let (rest, s) = must_simple(i, false)?;
    match s {
        Simple::Stmt(s) => Ok((rest, vec![s])),
        Simple::Range(r) => fail_at(&rest, r.pos, "unexpected range"),
    }
}

fn comm_clause(i: Tokens<'_>) -> PResult<'_, CommClause> {
    map(
        |i| clause_head(i, comm),
        |(mut s, _, pos, body)| CommClause {
            comm: s.pop(),
            body,
            pos,
        },
    )
    .parse(i)
}

fn select_stmt(i: Tokens<'_>) -> PResult<'_, BStmt> {
    let (i, t) = kw("select")(i)?;
    if !i.peek().is_op("{") {
        return fail(&i, "missing { after select clause");
    }
    let (i, cases) = clauses(i, comm_clause)?;
    Ok((i, bx(Stmt::Select { cases, pos: t.pos })))
}
