//! Type syntax: names, qualified names, and the type literals.

use nom::combinator::{cut, map, opt};
use nom::sequence::{delimited, preceded};
use nom::Parser;

use super::ast::{ChanDir, FieldDecl, FuncType, InterfaceElem, Param, TypeExpr, TypeParam};
use super::expr::expr;
use super::input::{
    fail, fail_at, fail_plain_at, ident, kw, list, name, nested, op, push, soft, want, with_ctrl,
    PResult, Tokens,
};
use super::literal;
use super::token::Kind;
use crate::diag::Pos;

/// A type, or Go's `expected type` error.
pub fn ty(i: Tokens<'_>) -> PResult<'_, TypeExpr> {
    match type_or_nil(i) {
        Err(nom::Err::Error(_)) => fail(&i, "expected type"),
        r => r,
    }
}

/// Whether the current token can start a type (used where a type is
/// optional, e.g. a function result).
pub fn starts_type(i: &Tokens<'_>) -> bool {
    let t = i.peek();
    match t.kind {
        Kind::Ident => true,
        Kind::Keyword => matches!(t.text, "func" | "chan" | "map" | "struct" | "interface"),
        Kind::Op => matches!(t.text, "[" | "*" | "(" | "<-"),
        _ => false,
    }
}

/// For `name[` at `i`: the token after the matching `]`, looking at most a
/// few dozen tokens ahead. It tells an instantiated type (`List[T])`) from
/// a name followed by an array type (`a [4]int`).
fn after_brackets<'a>(i: &Tokens<'a>) -> Option<&'a super::token::Token<'a>> {
    let mut depth = 0usize;
    for (k, t) in i.toks.iter().enumerate().take(64) {
        if t.is_op("[") {
            depth += 1;
        } else if t.is_op("]") {
            depth = depth.checked_sub(1)?;
            if depth == 0 {
                return i.toks.get(k + 1);
            }
        }
    }
    None
}

/// A type if one starts here; a soft error otherwise.
pub fn type_or_nil(i: Tokens<'_>) -> PResult<'_, TypeExpr> {
    if !starts_type(&i) {
        return soft(&i);
    }
    nested(type_inner)(i)
}

/// Dispatches on the first token (as cmd/compile's `typeOrNil` does).
fn type_inner(i: Tokens<'_>) -> PResult<'_, TypeExpr> {
    let t = i.peek();
    let pos = t.pos;
    match (t.kind, t.text) {
        (Kind::Op, "*") => map(preceded(op("*"), cut(ty)), move |t| {
            TypeExpr::Pointer(Box::new(t), pos)
        })
        .parse(i),
        (Kind::Op, "<-") => map(preceded((op("<-"), cut(chan_kw)), cut(ty)), move |t| {
            TypeExpr::Chan(ChanDir::Recv, Box::new(t), pos)
        })
        .parse(i),
        (Kind::Keyword, "func") => map(preceded(kw("func"), cut(signature)), move |mut f| {
            f.pos = pos;
            TypeExpr::Func(f)
        })
        .parse(i),
        (Kind::Op, "[") => array_or_slice(i),
        (Kind::Keyword, "chan") => chan_type(i),
        (Kind::Keyword, "map") => map_type(i),
        (Kind::Keyword, "struct") => struct_type(i),
        (Kind::Keyword, "interface") => interface_type(i),
        (Kind::Ident, _) => named_type(i),
        (Kind::Op, "(") => delimited(op("("), cut(ty), cut(want(")"))).parse(i),
        _ => soft(&i),
    }
}

fn chan_kw(i: Tokens<'_>) -> PResult<'_, ()> {
    match kw("chan")(i) {
        Ok((r, _)) => Ok((r, ())),
        Err(_) => fail(&i, "expected chan"),
    }
}

/// `T`, `pkg.T`, and an instantiation `T[int]` (kept only to be rejected).
pub fn named_type(i: Tokens<'_>) -> PResult<'_, TypeExpr> {
    let (i, first) = ident(i)?;
    let (i, sel) = opt(preceded(op("."), cut(name))).parse(i)?;
    let base = match sel {
        Some(n) => TypeExpr::Qualified(first, n),
        None => TypeExpr::Name(first),
    };
    if !i.peek().is_op("[") {
        return Ok((i, base));
    }
    let pos = i.pos();
    let (i, (args, _)) = preceded(
        op("["),
        with_ctrl(false, list("type argument list", ",", "]", push(ty))),
    )
    .parse(i)?;
    Ok((i, TypeExpr::Generic(Box::new(base), args, pos)))
}

/// `[]T`, `[N]T`, `[...]T`.
pub fn array_or_slice(i: Tokens<'_>) -> PResult<'_, TypeExpr> {
    let pos = i.pos();
    let (i, _) = op("[")(i)?;
    if let Ok((i, _)) = op("]")(i) {
        let (i, elem) = ty(i)?;
        return Ok((i, TypeExpr::Slice(Box::new(elem), pos)));
    }
    let (i, len) = array_len(i)?;
    let (i, elem) = ty(i)?;
    Ok((i, TypeExpr::Array(len, Box::new(elem), pos)))
}

/// `...]` or `N]`.
fn array_len(i: Tokens<'_>) -> PResult<'_, Option<Box<super::ast::Expr>>> {
    if let Ok((i, _)) = op("...")(i) {
        let (i, _) = want("]")(i)?;
        return Ok((i, None));
    }
    let (rest, n) = expr(Tokens { ctrl: false, ..i })?;
    let (rest, _) = want("]")(rest)?;
    Ok((rest.restore(&i), Some(n)))
}

fn chan_type(i: Tokens<'_>) -> PResult<'_, TypeExpr> {
    let pos = i.pos();
    let (i, _) = kw("chan")(i)?;
    let (i, send) = opt(op("<-")).parse(i)?;
    let dir = if send.is_some() {
        ChanDir::Send
    } else {
        ChanDir::Both
    };
    if !starts_type(&i) {
        return fail(&i, "missing channel element type");
    }
    let (i, elem) = ty(i)?;
    Ok((i, TypeExpr::Chan(dir, Box::new(elem), pos)))
}

fn map_type(i: Tokens<'_>) -> PResult<'_, TypeExpr> {
    let pos = i.pos();
    let (i, _) = kw("map")(i)?;
    let (i, key) = cut(delimited(want("["), with_ctrl(false, ty), want("]"))).parse(i)?;
    let (i, val) = ty(i)?;
    Ok((i, TypeExpr::Map(Box::new(key), Box::new(val), pos)))
}

fn struct_type(i: Tokens<'_>) -> PResult<'_, TypeExpr> {
    let pos = i.pos();
    let (i, _) = kw("struct")(i)?;
    let (i, _) = want("{")(i)?;
    // Fields are a tree level of their own (Struct -> FieldDecl -> type).
    let (i, (fields, _)) = nested(with_ctrl(
        false,
        list("struct type", ";", "}", push(field_decl)),
    ))
    .parse(i)?;
    Ok((i, TypeExpr::Struct(fields, pos)))
}

fn tag(i: Tokens<'_>) -> PResult<'_, Option<String>> {
    let t = i.peek();
    let body = |s: &str| {
        s.get(1..s.len().saturating_sub(1))
            .unwrap_or("")
            .to_string()
    };
    match t.kind {
        Kind::Str => {
            let bytes = literal::decode_string(&body(t.text)).unwrap_or_default();
            Ok((
                i.advance(1),
                Some(String::from_utf8_lossy(&bytes).into_owned()),
            ))
        }
        Kind::RawStr => Ok((
            i.advance(1),
            Some(String::from_utf8_lossy(&literal::decode_raw(&body(t.text))).into_owned()),
        )),
        _ => Ok((i, None)),
    }
}

fn field_decl(i: Tokens<'_>) -> PResult<'_, FieldDecl> {
    let pos = i.pos();
    let t = i.peek();
    let embedded = |ty| {
        move |tag| FieldDecl {
            names: Vec::new(),
            ty,
            tag,
            pos,
        }
    };
    if t.is_op("*") {
        let (i, _) = op("*")(i)?;
        let (i, base) = named_or_fail(i)?;
        let (i, tg) = tag(i)?;
        return Ok((i, embedded(TypeExpr::Pointer(Box::new(base), pos))(tg)));
    }
    if t.is_op("(") {
        return fail(&i, "cannot parenthesize embedded type");
    }
    if t.kind != Kind::Ident {
        return fail(&i, "expected field name or embedded type");
    }
    let next = i.peek2().copied();
    let ends_field = |n: &super::token::Token<'_>| {
        n.kind == Kind::Semi || n.is_op("}") || matches!(n.kind, Kind::Str | Kind::RawStr)
    };
    let generic_embed =
        next.is_some_and(|n| n.is_op("[")) && after_brackets(&i.advance(1)).is_some_and(ends_field);
    let is_embedded = generic_embed || next.is_none_or(|n| n.is_op(".") || ends_field(&n));
    if is_embedded {
        let (i, base) = named_type(i)?;
        let (i, tg) = tag(i)?;
        return Ok((i, embedded(base)(tg)));
    }
    let (i, names) = ident_list(i)?;
    let (i, t) = ty(i)?;
    let (i, tg) = tag(i)?;
    Ok((
        i,
        FieldDecl {
            names,
            ty: t,
            tag: tg,
            pos,
        },
    ))
}

fn named_or_fail(i: Tokens<'_>) -> PResult<'_, TypeExpr> {
    match named_type(i) {
        Err(nom::Err::Error(_)) => fail(&i, "expected name"),
        r => r,
    }
}

/// `a, b, c`
pub fn ident_list(i: Tokens<'_>) -> PResult<'_, Vec<super::ast::Ident>> {
    let (mut i, first) = name(i)?;
    let mut names = vec![first];
    while let Ok((rest, _)) = op(",")(i) {
        let (rest, n) = name(rest)?;
        names.push(n);
        i = rest;
    }
    Ok((i, names))
}

fn interface_type(i: Tokens<'_>) -> PResult<'_, TypeExpr> {
    let pos = i.pos();
    let (i, _) = kw("interface")(i)?;
    let (i, _) = want("{")(i)?;
    let (i, (elems, _)) = nested(with_ctrl(
        false,
        list("interface type", ";", "}", push(interface_elem)),
    ))
    .parse(i)?;
    Ok((i, TypeExpr::Interface(elems, pos)))
}

fn interface_elem(i: Tokens<'_>) -> PResult<'_, InterfaceElem> {
    let pos = i.pos();
    if i.peek().kind == Kind::Ident && i.peek2().is_some_and(|t| t.is_op("(")) {
        let (i, n) = name(i)?;
        let (i, mut sig) = signature(i)?;
        sig.pos = n.pos;
        return Ok((i, InterfaceElem::Method { name: n, sig }));
    }
    let (i, tilde) = opt(op("~")).parse(i)?;
    let (mut i, first) = ty(i)?;
    let mut union = tilde.is_some();
    while let Ok((rest, _)) = op("|")(i) {
        let (rest, _) = opt(op("~")).parse(rest)?;
        let (rest, _) = ty(rest)?;
        union = true;
        i = rest;
    }
    Ok((
        i,
        if union {
            InterfaceElem::TypeSet(pos)
        } else {
            InterfaceElem::Embed(first)
        },
    ))
}

/// Parameters and results after `func` (or a method name). `pos` is left
/// for the caller to set.
pub fn signature(i: Tokens<'_>) -> PResult<'_, FuncType> {
    let pos = i.pos();
    let (i, (ins, variadic)) = params(i)?;
    let (i, results) = if i.peek().is_op("(") {
        let (i, (results, dots)) = params(i)?;
        if dots {
            return fail_plain_at(&i, pos, "can only use ... with final parameter");
        }
        (i, results)
    } else if starts_type(&i) {
        let (i, t) = ty(i)?;
        (i, vec![Param { name: None, ty: t }])
    } else {
        (i, Vec::new())
    };
    Ok((
        i,
        FuncType {
            params: ins,
            results,
            variadic,
            pos,
        },
    ))
}

/// One entry of a parameter list before names and types are matched up;
/// `dots` is the position of a `...`.
enum Entry {
    Named(super::ast::Ident, TypeExpr, Option<Pos>),
    Unnamed(TypeExpr, Option<Pos>),
}

fn param_entry(i: Tokens<'_>) -> PResult<'_, Entry> {
    if let Ok((i, d)) = op("...")(i) {
        let (i, t) = ty(i)?;
        return Ok((i, Entry::Unnamed(t, Some(d.pos))));
    }
    let t = i.peek();
    let next = i.peek2();
    let generic = next.is_some_and(|n| n.is_op("["))
        && after_brackets(&i.advance(1)).is_some_and(|n| n.is_op(",") || n.is_op(")"));
    let type_only = t.kind != Kind::Ident
        || generic
        || next.is_none_or(|n| n.is_op(".") || n.is_op(",") || n.is_op(")"));
    if type_only {
        let (i, t) = ty(i)?;
        return Ok((i, Entry::Unnamed(t, None)));
    }
    let (i, n) = name(i)?;
    let (i, dots) = opt(op("...")).parse(i)?;
    let (i, t) = ty(i)?;
    Ok((i, Entry::Named(n, t, dots.map(|d| d.pos))))
}

/// `(a, b int, c ...string)` or `(int, string)`; grouped names are split
/// into one `Param` each.
pub fn params(i: Tokens<'_>) -> PResult<'_, (Vec<Param>, bool)> {
    let (i, _) = want("(")(i)?;
    let (i, (entries, close)) =
        with_ctrl(false, list("parameter list", ",", ")", push(param_entry))).parse(i)?;
    let named = entries
        .iter()
        .filter(|e| matches!(e, Entry::Named(..)))
        .count();
    if named > 0 && named != entries.len() {
        check_names(&i, &entries, named, close)?;
    }
    let n = entries.len();
    let mut out: Vec<Param> = Vec::with_capacity(n);
    let mut variadic = false;
    let mut pending: Vec<super::ast::Ident> = Vec::new();
    for (k, e) in entries.into_iter().enumerate() {
        let (name, t, dots) = match e {
            Entry::Unnamed(TypeExpr::Name(id), None) if named > 0 => {
                pending.push(id);
                continue;
            }
            Entry::Unnamed(t, dots) => (None, t, dots),
            Entry::Named(n, t, dots) => (Some(n), t, dots),
        };
        if let Some(d) = dots {
            if k + 1 != n || !pending.is_empty() {
                return fail_plain_at(&i, d, "can only use ... with final parameter");
            }
            variadic = true;
        }
        for p in pending.drain(..) {
            out.push(Param {
                name: Some(p),
                ty: t.clone(),
            });
        }
        out.push(Param { name, ty: t });
    }
    Ok((i, (out, variadic)))
}

/// cmd/compile's right-to-left sweep over a partly named list: a bare name
/// takes the type to its right; a lone type or a trailing name is an error.
fn check_names<'a>(i: &Tokens<'a>, entries: &[Entry], named: usize, close: Pos) -> PResult<'a, ()> {
    let mut typed = named;
    let mut err = None;
    let mut have_type = false;
    for e in entries.iter().rev() {
        match e {
            Entry::Named(..) => have_type = true,
            Entry::Unnamed(TypeExpr::Name(id), None) if !have_type => err = Some(id.pos),
            Entry::Unnamed(TypeExpr::Name(_), None) => {}
            Entry::Unnamed(t, _) => {
                typed += 1;
                have_type = true;
                err = Some(t.pos());
            }
        }
    }
    match err {
        None => Ok((*i, ())),
        Some(_) if named == typed => fail_at(i, close, "missing parameter type"),
        Some(pos) => fail_at(i, pos, "missing parameter name"),
    }
}

/// `[T any, U comparable]` after a func or type name.
pub fn type_params(i: Tokens<'_>) -> PResult<'_, Vec<TypeParam>> {
    let (i, _) = op("[")(i)?;
    let (i, (groups, _)) = with_ctrl(
        false,
        list(
            "type parameter list",
            ",",
            "]",
            push(|i| {
                let (i, names) = ident_list(i)?;
                let (i, constraint) = constraint(i)?;
                Ok((i, TypeParam { names, constraint }))
            }),
        ),
    )
    .parse(i)?;
    Ok((i, groups))
}

/// A constraint: a type, or a union / `~T` term (kept as an interface
/// with a type-set element so the checker can reject it).
fn constraint(i: Tokens<'_>) -> PResult<'_, TypeExpr> {
    let pos = i.pos();
    let (i, tilde) = opt(op("~")).parse(i)?;
    let (mut i, first) = ty(i)?;
    let mut union = tilde.is_some();
    while let Ok((rest, _)) = op("|")(i) {
        let (rest, _) = opt(op("~")).parse(rest)?;
        let (rest, _) = ty(rest)?;
        union = true;
        i = rest;
    }
    if union {
        return Ok((
            i,
            TypeExpr::Interface(vec![InterfaceElem::TypeSet(pos)], pos),
        ));
    }
    Ok((i, first))
}
