//! Expressions: operands, postfix chains, unary operators and a
//! precedence-climbing loop over Go's five binary precedence levels.

use nom::branch::alt;
use nom::combinator::{cut, map, opt};
use nom::sequence::preceded;
use nom::Parser;

use super::ast::{BinOp, Element, Expr, ExprKind, Ident, TypeExpr, UnOp};
use super::input::{
    deeper, fail, fail_plain_at, kw, list, name, nested, op, push, soft, want, PResult, Tokens,
};
use super::literal;
use super::stmt::block;
use super::token::{Kind, Token};
use super::types::{array_or_slice, signature, ty, type_or_nil};
use crate::diag::Pos;

fn binop(t: &Token<'_>) -> Option<(BinOp, u8)> {
    if t.kind != Kind::Op {
        return None;
    }
    use BinOp::*;
    Some(match t.text {
        "||" => (LOr, 1),
        "&&" => (LAnd, 2),
        "==" => (Eq, 3),
        "!=" => (Ne, 3),
        "<" => (Lt, 3),
        "<=" => (Le, 3),
        ">" => (Gt, 3),
        ">=" => (Ge, 3),
        "+" => (Add, 4),
        "-" => (Sub, 4),
        "|" => (Or, 4),
        "^" => (Xor, 4),
        "*" => (Mul, 5),
        "/" => (Div, 5),
        "%" => (Rem, 5),
        "<<" => (Shl, 5),
        ">>" => (Shr, 5),
        "&" => (And, 5),
        "&^" => (AndNot, 5),
        _ => return None,
    })
}

/// A boxed expression: the recursive parsers pass boxes around so that the
/// results every frame holds stay a pointer wide (see `MAX_NESTING`).
pub type BExpr = Box<Expr>;

/// An expression, or Go's `expected expression`.
pub fn expr(i: Tokens<'_>) -> PResult<'_, BExpr> {
    binary(i, 1)
}

/// Precedence climbing. Each operator folded into a left-deep chain counts
/// as one nesting level, since the tree gets one level deeper.
fn binary(i: Tokens<'_>, min_prec: u8) -> PResult<'_, BExpr> {
    let outer = i;
    let (mut i, mut x) = unary(i)?;
    let mut chain = 0;
    while let Some((bop, prec)) = binop(i.peek()).filter(|(_, p)| *p >= min_prec) {
        chain += 1;
        let inner = deeper(
            &Tokens {
                toks: i.toks,
                ..outer
            },
            chain,
        )?;
        let (rest, y) = binary(inner.advance(1), prec + 1)?;
        i = rest.restore(&outer);
        let pos = x.pos;
        x = Box::new(Expr {
            kind: ExprKind::Binary(bop, x, y),
            pos,
        });
    }
    Ok((i, x))
}

pub fn unary(i: Tokens<'_>) -> PResult<'_, BExpr> {
    let t = i.peek();
    let pos = t.pos;
    let un = match t.text {
        _ if t.kind != Kind::Op => return primary(i),
        "+" => Some(UnOp::Pos),
        "-" => Some(UnOp::Neg),
        "!" => Some(UnOp::Not),
        "^" => Some(UnOp::Xor),
        "&" => Some(UnOp::Addr),
        "<-" if !i.peek2().is_some_and(|n| n.is_kw("chan")) => Some(UnOp::Recv),
        "*" => None,
        _ => return primary(i),
    };
    let (rest, x) = unary(deeper(&i, 1)?.advance(1))?;
    let kind = match un {
        Some(u) => ExprKind::Unary(u, x),
        None => ExprKind::Star(x),
    };
    Ok((rest.restore(&i), Box::new(Expr { kind, pos })))
}

/// An operand followed by selectors, indexes, slices, calls, assertions
/// and composite-literal bodies.
pub fn primary(i: Tokens<'_>) -> PResult<'_, BExpr> {
    let outer = i;
    let (mut i, mut x) = match operand(i) {
        Err(nom::Err::Error(_)) => return fail(&i, "expected expression"),
        r => r?,
    };
    let mut chain = 0;
    loop {
        let t = i.peek();
        let is_postfix = t.kind == Kind::Op && matches!(t.text, "." | "[" | "(")
            || (t.is_op("{") && complit_ok(&x, i.ctrl));
        if !is_postfix {
            return Ok((i, x));
        }
        chain += 1;
        let inner = deeper(
            &Tokens {
                toks: i.toks,
                ..outer
            },
            chain,
        )?;
        let inner = Tokens {
            ctrl: false,
            ..inner
        };
        let (rest, next) = postfix(x, inner)?;
        i = rest.restore(&outer);
        x = next;
    }
}

fn postfix<'a>(x: BExpr, i: Tokens<'a>) -> PResult<'a, BExpr> {
    match i.peek().text {
        "." => selector_or_assert(x, i),
        "[" => index_or_slice(x, i),
        "(" => call(x, i),
        _ => composite(x, i),
    }
}

/// Go's rule: `T{` starts a literal only for type literals, or for a
/// (qualified / instantiated) name outside control-clause headers.
fn complit_ok(x: &Expr, ctrl: bool) -> bool {
    match &x.kind {
        ExprKind::Type(t) => matches!(
            **t,
            TypeExpr::Array(..) | TypeExpr::Slice(..) | TypeExpr::Struct(..) | TypeExpr::Map(..)
        ),
        ExprKind::Ident(_) => !ctrl,
        ExprKind::Selector(base, _) => !ctrl && matches!(base.kind, ExprKind::Ident(_)),
        ExprKind::Index(..) | ExprKind::IndexList(..) => !ctrl && expr_to_type(x).is_some(),
        _ => false,
    }
}

/// Reads an expression as a type, for literal types and generic
/// instantiations written in expression position.
pub fn expr_to_type(x: &Expr) -> Option<TypeExpr> {
    Some(match &x.kind {
        ExprKind::Ident(n) => TypeExpr::Name(Ident {
            name: n.clone(),
            pos: x.pos,
        }),
        ExprKind::Selector(base, sel) => match &base.kind {
            ExprKind::Ident(p) => TypeExpr::Qualified(
                Ident {
                    name: p.clone(),
                    pos: base.pos,
                },
                sel.clone(),
            ),
            _ => return None,
        },
        ExprKind::Type(t) => (**t).clone(),
        ExprKind::Paren(inner) => expr_to_type(inner)?,
        ExprKind::Star(inner) => TypeExpr::Pointer(Box::new(expr_to_type(inner)?), x.pos),
        ExprKind::Index(base, arg) => TypeExpr::Generic(
            Box::new(expr_to_type(base)?),
            vec![expr_to_type(arg)?],
            arg.pos,
        ),
        ExprKind::IndexList(base, args) => {
            let args = args.iter().map(expr_to_type).collect::<Option<Vec<_>>>()?;
            TypeExpr::Generic(Box::new(expr_to_type(base)?), args, x.pos)
        }
        _ => return None,
    })
}

fn mk(kind: ExprKind, pos: Pos) -> BExpr {
    Box::new(Expr { kind, pos })
}

fn operand(i: Tokens<'_>) -> PResult<'_, BExpr> {
    let t = i.peek();
    let pos = t.pos;
    match t.kind {
        Kind::Ident => return Ok((i.advance(1), mk(ExprKind::Ident(t.text.to_string()), pos))),
        Kind::Int | Kind::Float | Kind::Imag | Kind::Rune | Kind::Str | Kind::RawStr => {
            return basic_lit(i, t)
        }
        _ => {}
    }
    let ty_expr = move |t| mk(ExprKind::Type(Box::new(t)), pos);
    match (t.kind, t.text) {
        (Kind::Op, "(") => paren(i),
        (Kind::Keyword, "func") => func_lit_or_type(i),
        (Kind::Op, "[") => map(nested(array_or_slice), ty_expr).parse(i),
        (Kind::Keyword, "struct" | "map" | "chan" | "interface") => {
            map(type_or_nil, ty_expr).parse(i)
        }
        (Kind::Op, "<-") => map(preceded(op("<-"), cut(recv_chan_type)), ty_expr).parse(i),
        _ => soft(&i),
    }
}

/// `( expr )`, where composite literals are allowed again.
fn paren(i: Tokens<'_>) -> PResult<'_, BExpr> {
    let pos = i.pos();
    let inner = Tokens {
        ctrl: false,
        ..deeper(&i, 1)?
    };
    let (rest, x) = expr(inner.advance(1))?;
    let (rest, _) = want(")")(rest)?;
    Ok((rest.restore(&i), mk(ExprKind::Paren(x), pos)))
}

/// `<-chan T` in expression position; the `<-` is already consumed.
fn recv_chan_type(i: Tokens<'_>) -> PResult<'_, TypeExpr> {
    let pos = Pos::new(i.pos().line, i.pos().col.saturating_sub(2));
    let (i, _) = kw("chan")(i)?;
    let (i, elem) = ty(i)?;
    Ok((
        i,
        TypeExpr::Chan(super::ast::ChanDir::Recv, Box::new(elem), pos),
    ))
}

fn basic_lit<'a>(i: Tokens<'a>, t: &'a Token<'a>) -> PResult<'a, BExpr> {
    let body = t.text.get(1..t.text.len().saturating_sub(1)).unwrap_or("");
    let kind = match t.kind {
        // A malformed literal was already reported by the lexer.
        Kind::Int if literal::check_number(t.text).is_err() => ExprKind::Int(0),
        Kind::Int => match literal::int_value(t.text) {
            Some(v) => ExprKind::Int(v),
            None => {
                return fail_plain_at(
                    &i,
                    t.pos,
                    format!(
                        "chanscope: integer literal {} too large (limit 128 bits)",
                        t.text
                    ),
                )
            }
        },
        Kind::Float => ExprKind::Float(literal::float_value(t.text)),
        Kind::Imag => ExprKind::Imag,
        Kind::Rune => ExprKind::Rune(literal::decode_rune(body).unwrap_or(0xFFFD)),
        Kind::Str => ExprKind::Str(literal::decode_string(body).unwrap_or_default()),
        _ => ExprKind::Str(literal::decode_raw(body)),
    };
    Ok((i.advance(1), mk(kind, t.pos)))
}

fn func_lit_or_type(i: Tokens<'_>) -> PResult<'_, BExpr> {
    let pos = i.pos();
    let (i, _) = kw("func")(i)?;
    let (i, mut sig) = nested(signature)(i)?;
    sig.pos = pos;
    if !i.peek().is_op("{") {
        return Ok((i, mk(ExprKind::Type(Box::new(TypeExpr::Func(sig))), pos)));
    }
    let (i, body) = nested(block)(i)?;
    Ok((i, mk(ExprKind::FuncLit { sig, body }, pos)))
}

fn selector_or_assert<'a>(x: BExpr, i: Tokens<'a>) -> PResult<'a, BExpr> {
    let pos = x.pos;
    let (i, _) = op(".")(i)?;
    if let Ok((i, _)) = op("(")(i) {
        let (i, t) = alt((map(kw("type"), |_| None), map(ty, Some))).parse(i)?;
        let (i, _) = want(")")(i)?;
        return Ok((i, mk(ExprKind::TypeAssert(x, t.map(Box::new)), pos)));
    }
    match name(i) {
        Ok((i, sel)) => Ok((i, mk(ExprKind::Selector(x, sel), pos))),
        Err(_) => fail(&i, "expected name or ("),
    }
}

fn index_or_slice<'a>(x: BExpr, i: Tokens<'a>) -> PResult<'a, BExpr> {
    let pos = x.pos;
    let (i, _) = op("[")(i)?;
    let (i, lo) = if i.peek().is_op(":") {
        (i, None)
    } else {
        map(expr, Some).parse(i)?
    };
    let lo = match lo {
        Some(lo) if i.peek().is_op("]") => {
            return Ok((i.advance(1), mk(ExprKind::Index(x, lo), pos)))
        }
        Some(lo) if i.peek().is_op(",") => {
            let (i, (mut rest, _)) = preceded(
                op(","),
                list(
                    "type argument list",
                    ",",
                    "]",
                    push(|i| map(expr, |e| *e).parse(i)),
                ),
            )
            .parse(i)?;
            rest.insert(0, *lo);
            return Ok((i, mk(ExprKind::IndexList(x, rest), pos)));
        }
        lo => lo,
    };
    if !i.peek().is_op(":") {
        return fail(&i, "expected comma, : or ]");
    }
    let i = i.advance(1);
    let ends = |i: &Tokens<'_>| i.peek().is_op(":") || i.peek().is_op("]");
    let (i, hi) = if ends(&i) {
        (i, None)
    } else {
        map(expr, Some).parse(i)?
    };
    let (i, max) = if let Ok((i, colon)) = op(":")(i) {
        if hi.is_none() {
            return super::input::fail_at(&i, colon.pos, "middle index required in 3-index slice");
        }
        if i.peek().is_op("]") {
            return fail(&i, "final index required in 3-index slice");
        }
        map(expr, Some).parse(i)?
    } else {
        (i, None)
    };
    let (i, _) = want("]")(i)?;
    Ok((i, mk(ExprKind::Slice { x, lo, hi, max }, pos)))
}

fn call<'a>(f: BExpr, i: Tokens<'a>) -> PResult<'a, BExpr> {
    let pos = f.pos;
    let (i, _) = op("(")(i)?;
    let mut ellipsis = false;
    let arg = |i, out: &mut Vec<Expr>| {
        let (i, e) = expr(i)?;
        out.push(*e);
        let (i, dots) = opt(op("...")).parse(i)?;
        ellipsis = dots.is_some();
        Ok((i, ellipsis))
    };
    let (i, (args, _)) = list("argument list", ",", ")", arg)(i)?;
    Ok((
        i,
        mk(
            ExprKind::Call {
                func: f,
                args,
                ellipsis,
            },
            pos,
        ),
    ))
}

fn composite<'a>(x: BExpr, i: Tokens<'a>) -> PResult<'a, BExpr> {
    let pos = x.pos;
    let t = match expr_to_type(&x) {
        Some(t) => t,
        None => return soft(&i),
    };
    let (i, elems) = literal_body(i)?;
    Ok((
        i,
        mk(
            ExprKind::Composite {
                ty: Some(Box::new(t)),
                elems,
            },
            pos,
        ),
    ))
}

/// `{ elements }`; the elements are a tree level of their own
/// (Composite -> Element -> value).
fn literal_body(i: Tokens<'_>) -> PResult<'_, Vec<Element>> {
    let inner = deeper(&i, 1)?;
    let (rest, _) = op("{")(inner)?;
    let (rest, (elems, _)) = list("composite literal", ",", "}", element)(rest)?;
    Ok((rest.restore(&i), elems))
}

/// A value inside a literal: an expression or an elided `{...}`.
fn elem_value(i: Tokens<'_>) -> PResult<'_, BExpr> {
    if i.peek().is_op("{") {
        let pos = i.pos();
        let (rest, elems) = literal_body(deeper(&i, 1)?)?;
        return Ok((
            rest.restore(&i),
            mk(ExprKind::Composite { ty: None, elems }, pos),
        ));
    }
    expr(i)
}

fn element<'a>(i: Tokens<'a>, out: &mut Vec<Element>) -> PResult<'a, bool> {
    let (i, first) = elem_value(i)?;
    let Ok((i, _)) = op(":")(i) else {
        out.push(Element {
            key: None,
            value: *first,
        });
        return Ok((i, false));
    };
    let (i, value) = elem_value(i)?;
    out.push(Element {
        key: Some(*first),
        value: *value,
    });
    Ok((i, false))
}
