//! Declarations and the source file.

use nom::combinator::{map, opt};
use nom::Parser;

use super::ast::{ConstSpec, Decl, File, FuncDecl, Ident, Import, TypeSpec, VarSpec};
use super::input::{fail, fail_plain_at, ident, kw, list, name, op, push, semi, PResult, Tokens};
use super::literal;
use super::stmt::{block, expr_list};
use super::token::Kind;
use super::types::{ident_list, params, signature, ty, type_or_nil, type_params};

/// One spec, or a parenthesized group of them (Go's `appendGroup`).
fn group<'a, S>(
    i: Tokens<'a>,
    mut spec: impl FnMut(Tokens<'a>) -> PResult<'a, S>,
) -> PResult<'a, Vec<S>> {
    if let Ok((i, _)) = op("(")(i) {
        let (i, (specs, _)) = list("grouped declaration", ";", ")", push(&mut spec))(i)?;
        return Ok((i, specs));
    }
    map(spec, |s| vec![s]).parse(i)
}

/// `=`; Go also accepts `:=` here to complain `expected =`.
fn assign(i: Tokens<'_>) -> PResult<'_, bool> {
    let t = i.peek();
    if t.is_op(":=") {
        return fail(&i, "expected =");
    }
    Ok(if t.is_op("=") {
        (i.advance(1), true)
    } else {
        (i, false)
    })
}

/// After `var`.
pub fn var_decl(i: Tokens<'_>) -> PResult<'_, Vec<VarSpec>> {
    group(i, |i| {
        let (i, names) = ident_list(i)?;
        let pos = names[0].pos;
        let (i, eq) = assign(i)?;
        if eq {
            let (i, values) = expr_list(i)?;
            return Ok((
                i,
                VarSpec {
                    names,
                    ty: None,
                    values,
                    pos,
                },
            ));
        }
        let (i, t) = ty(i)?;
        let (i, eq) = assign(i)?;
        let (i, values) = if eq { expr_list(i)? } else { (i, Vec::new()) };
        Ok((
            i,
            VarSpec {
                names,
                ty: Some(t),
                values,
                pos,
            },
        ))
    })
}

/// After `const`; fills in Go's implicit repetition inside groups.
pub fn const_decl(i: Tokens<'_>) -> PResult<'_, Vec<ConstSpec>> {
    let (i, mut specs) = group(i, |i| {
        let (i, names) = ident_list(i)?;
        let pos = names[0].pos;
        let t = i.peek();
        if t.kind == Kind::Eof || t.kind == Kind::Semi || t.is_op(")") {
            return Ok((
                i,
                ConstSpec {
                    names,
                    ty: None,
                    values: Vec::new(),
                    iota: 0,
                    implicit: false,
                    pos,
                },
            ));
        }
        let (i, cty) = opt(type_or_nil).parse(i)?;
        let (i, eq) = assign(i)?;
        let (i, values) = if eq { expr_list(i)? } else { (i, Vec::new()) };
        Ok((
            i,
            ConstSpec {
                names,
                ty: cty,
                values,
                iota: 0,
                implicit: false,
                pos,
            },
        ))
    })?;
    for k in 0..specs.len() {
        specs[k].iota = k as u32;
        if k > 0 && specs[k].ty.is_none() && specs[k].values.is_empty() {
            specs[k].ty = specs[k - 1].ty.clone();
            specs[k].values = specs[k - 1].values.clone();
            specs[k].implicit = true;
        }
    }
    Ok((i, specs))
}

/// Whether `[` after a type name opens type parameters rather than an
/// array length: `[T any]`, `[K comparable, V any]`, `[T ~int]`.
fn starts_type_params(i: &Tokens<'_>) -> bool {
    let (Some(a), Some(b)) = (i.toks.get(1), i.toks.get(2)) else {
        return false;
    };
    i.peek().is_op("[")
        && a.kind == Kind::Ident
        && (b.kind == Kind::Ident
            || b.is_op(",")
            || b.is_op("~")
            || b.is_op("[")
            || (b.kind == Kind::Keyword
                && matches!(b.text, "interface" | "func" | "chan" | "map" | "struct")))
}

/// After `type`.
pub fn type_decl(i: Tokens<'_>) -> PResult<'_, Vec<TypeSpec>> {
    group(i, |i| {
        let (i, n) = name(i)?;
        let pos = n.pos;
        let (i, tparams) = if starts_type_params(&i) {
            type_params(i)?
        } else {
            (i, Vec::new())
        };
        let (i, alias) = map(opt(op("=")), |o| o.is_some()).parse(i)?;
        match type_or_nil(i) {
            Ok((i, t)) => Ok((
                i,
                TypeSpec {
                    name: n,
                    type_params: tparams,
                    alias,
                    ty: t,
                    pos,
                },
            )),
            Err(nom::Err::Error(_)) => fail(&i, "in type declaration"),
            Err(e) => Err(e),
        }
    })
}

/// After `func` at top level.
fn func_decl(i: Tokens<'_>, pos: crate::diag::Pos) -> PResult<'_, FuncDecl> {
    let (i, recv) = if i.peek().is_op("(") {
        let start = i;
        let (i, (mut rs, _)) = params(i)?;
        if rs.len() != 1 {
            let msg = if rs.is_empty() {
                "method has no receiver"
            } else {
                "method has multiple receivers"
            };
            return fail_plain_at(&i, start.pos(), msg);
        }
        (i, rs.pop())
    } else {
        (i, None)
    };
    let (i, n) = name(i)?;
    let (i, tparams) = if i.peek().is_op("[") {
        type_params(i)?
    } else {
        (i, Vec::new())
    };
    let (i, mut sig) = signature(i)?;
    sig.pos = pos;
    let (i, body) = if i.peek().is_op("{") {
        map(block, Some).parse(i)?
    } else {
        (i, None)
    };
    Ok((
        i,
        FuncDecl {
            name: n,
            recv,
            type_params: tparams,
            sig,
            body,
            pos,
        },
    ))
}

fn import_spec(i: Tokens<'_>) -> PResult<'_, Import> {
    let t = i.peek();
    let (i, alias) = if t.kind == Kind::Ident {
        map(ident, Some).parse(i)?
    } else if t.is_op(".") {
        (
            i.advance(1),
            Some(Ident {
                name: ".".into(),
                pos: t.pos,
            }),
        )
    } else {
        (i, None)
    };
    let p = i.peek();
    let body = p.text.get(1..p.text.len().saturating_sub(1)).unwrap_or("");
    let path = match p.kind {
        Kind::Str => literal::decode_string(body).unwrap_or_default(),
        Kind::RawStr => literal::decode_raw(body),
        // go list parses imports with go/parser before cmd/compile runs,
        // so these two use go/parser's wording.
        Kind::Int | Kind::Float | Kind::Imag | Kind::Rune => {
            return fail_plain_at(&i, p.pos, "import path must be a string")
        }
        _ => return fail_plain_at(&i, p.pos, "missing import path"),
    };
    Ok((
        i.advance(1),
        Import {
            path: String::from_utf8_lossy(&path).into_owned(),
            alias,
            pos: p.pos,
        },
    ))
}

/// go/parser's wording, which `go build` prints for a bad package clause.
fn found(t: &super::token::Token<'_>) -> String {
    match t.kind {
        Kind::Semi if t.text == "newline" => "newline".to_string(),
        Kind::Ident
        | Kind::Int
        | Kind::Float
        | Kind::Imag
        | Kind::Rune
        | Kind::Str
        | Kind::RawStr => t.text.to_string(),
        Kind::Semi => "';'".to_string(),
        _ => format!("'{}'", t.text),
    }
}

fn package_clause(i: Tokens<'_>) -> PResult<'_, Ident> {
    let t = i.peek();
    let Ok((i, _)) = kw("package")(i) else {
        return fail_plain_at(&i, t.pos, format!("expected 'package', found {}", found(t)));
    };
    let t = i.peek();
    let Ok((i, n)) = ident(i) else {
        return fail_plain_at(&i, t.pos, format!("expected 'IDENT', found {}", found(t)));
    };
    let t = i.peek();
    match semi(i) {
        Ok((i, _)) => Ok((i, n)),
        Err(_) => fail_plain_at(&i, t.pos, format!("expected ';', found {}", found(t))),
    }
}

/// The whole file: package clause, imports, then top-level declarations.
pub fn file(i: Tokens<'_>) -> PResult<'_, File> {
    let (mut i, package) = package_clause(i)?;
    let mut imports = Vec::new();
    let mut decls: Vec<Decl> = Vec::new();
    while i.peek().kind != Kind::Eof {
        let t = i.peek();
        let rest = i.advance(1);
        let (next, _) = match (t.kind, t.text) {
            (Kind::Keyword, "import") if !decls.is_empty() => {
                return fail(&i, "imports must appear before other declarations")
            }
            (Kind::Keyword, "import") => {
                let (r, mut specs) = group(rest, import_spec)?;
                imports.append(&mut specs);
                (r, ())
            }
            (Kind::Keyword, "var") => map(var_decl, |s| decls.push(Decl::Var(s))).parse(rest)?,
            (Kind::Keyword, "const") => {
                map(const_decl, |s| decls.push(Decl::Const(s))).parse(rest)?
            }
            (Kind::Keyword, "type") => map(type_decl, |s| decls.push(Decl::Type(s))).parse(rest)?,
            (Kind::Keyword, "func") => {
                map(|r| func_decl(r, t.pos), |f| decls.push(Decl::Func(f))).parse(rest)?
            }
            _ if t.is_op("{")
                && matches!(decls.last(), Some(Decl::Func(f)) if f.body.is_none()) =>
            {
                return fail(&i, "unexpected semicolon or newline before {");
            }
            _ => return fail(&i, "non-declaration statement outside function body"),
        };
        i = next;
        if i.peek().kind == Kind::Eof {
            break;
        }
        match semi(i) {
            Ok((r, _)) => i = r,
            Err(_) => return fail(&i, "after top level declaration"),
        }
    }
    Ok((
        i,
        File {
            package,
            imports,
            decls,
        },
    ))
}
