//! `Tokens`, the nom input over the lexer's output, the parser's error type
//! and the primitive token parsers every grammar rule is built from.
//!
//! Parser state that Go keeps in mutable fields (nesting depth, whether a
//! bare-name composite literal may start here) travels inside `Tokens`, so
//! nom's backtracking restores it for free.

use std::iter::Enumerate;

use nom::error::{ErrorKind, ParseError};
use nom::{IResult, Input, Needed};

use super::ast::Ident;
use super::token::{Kind, Token};
use super::MAX_NESTING;
use crate::diag::{Diagnostic, Pos};

#[derive(Clone, Copy, Debug)]
pub struct Tokens<'a> {
    pub toks: &'a [Token<'a>],
    /// Current nesting depth (parens, blocks, literals, types, ...).
    pub depth: u16,
    /// Inside an `if`/`for`/`switch` header outside any brackets: `T{` is
    /// the start of the body, not a composite literal (Go's `xnest < 0`).
    pub ctrl: bool,
}

impl<'a> Tokens<'a> {
    pub fn new(toks: &'a [Token<'a>]) -> Self {
        Tokens {
            toks,
            depth: 0,
            ctrl: false,
        }
    }

    /// The current token; the lexer always ends the stream with `Eof`, and
    /// no parser consumes it.
    pub fn peek(&self) -> &'a Token<'a> {
        static EOF: Token<'static> = Token {
            kind: Kind::Eof,
            text: "EOF",
            pos: Pos { line: 0, col: 0 },
        };
        self.toks.first().unwrap_or(&EOF)
    }

    pub fn peek2(&self) -> Option<&'a Token<'a>> {
        self.toks.get(1)
    }

    pub fn pos(&self) -> Pos {
        self.peek().pos
    }

    pub fn advance(self, n: usize) -> Self {
        Tokens {
            toks: &self.toks[n.min(self.toks.len())..],
            ..self
        }
    }

    /// Carries `depth`/`ctrl` of `outer` onto a remainder returned by an
    /// inner parser that changed them.
    pub fn restore(self, outer: &Tokens<'a>) -> Self {
        Tokens {
            toks: self.toks,
            depth: outer.depth,
            ctrl: outer.ctrl,
        }
    }
}

impl<'a> Input for Tokens<'a> {
    type Item = &'a Token<'a>;
    type Iter = std::slice::Iter<'a, Token<'a>>;
    type IterIndices = Enumerate<Self::Iter>;

    fn input_len(&self) -> usize {
        self.toks.len()
    }

    fn take(&self, index: usize) -> Self {
        Tokens {
            toks: &self.toks[..index],
            ..*self
        }
    }

    fn take_from(&self, index: usize) -> Self {
        Tokens {
            toks: &self.toks[index..],
            ..*self
        }
    }

    fn take_split(&self, index: usize) -> (Self, Self) {
        (self.take_from(index), self.take(index))
    }

    fn position<P>(&self, predicate: P) -> Option<usize>
    where
        P: Fn(Self::Item) -> bool,
    {
        self.toks.iter().position(predicate)
    }

    fn iter_elements(&self) -> Self::Iter {
        self.toks.iter()
    }

    fn iter_indices(&self) -> Self::IterIndices {
        self.toks.iter().enumerate()
    }

    fn slice_index(&self, count: usize) -> Result<usize, Needed> {
        if self.toks.len() >= count {
            Ok(count)
        } else {
            Err(Needed::new(count - self.toks.len()))
        }
    }
}

/// What went wrong, before it is phrased the way cmd/compile phrases it.
#[derive(Clone, Debug)]
pub enum Msg {
    /// No alternative matched here; the caller decides what to say.
    Soft,
    /// A cmd/compile syntax message: `expected X`, `in X; ...`, `at X`,
    /// `after X` get "unexpected <token>" in front, others stand alone.
    Syntax(String),
    /// A message printed as is (not a syntax error in Go's wording).
    Plain(String),
}

/// Boxed so that every `PResult` a parser frame holds stays small: debug
/// builds give each temporary its own stack slot, and the nesting limit
/// must fit in a 1 MiB stack.
#[derive(Clone, Debug)]
pub struct PErr<'a>(Box<ErrData<'a>>);

impl<'a> std::ops::Deref for PErr<'a> {
    type Target = ErrData<'a>;
    fn deref(&self) -> &ErrData<'a> {
        &self.0
    }
}

impl<'a> std::ops::DerefMut for PErr<'a> {
    fn deref_mut(&mut self) -> &mut ErrData<'a> {
        &mut self.0
    }
}

#[derive(Clone, Debug)]
pub struct ErrData<'a> {
    pub tok: &'a Token<'a>,
    /// Tokens left when the error happened: fewer means further along.
    pub left: usize,
    pub msg: Msg,
    /// Report here instead of at `tok` (Go reports some errors elsewhere).
    pub at: Option<Pos>,
}

impl<'a> PErr<'a> {
    pub fn new(i: &Tokens<'a>, msg: Msg) -> Self {
        PErr(Box::new(ErrData {
            tok: i.peek(),
            left: i.toks.len(),
            msg,
            at: None,
        }))
    }

    pub fn into_diagnostic(self) -> Diagnostic {
        let ErrData { tok, msg, at, .. } = *self.0;
        let pos = at.unwrap_or(tok.pos);
        let unexpected = format!("unexpected {}", tok.describe());
        let text = match msg {
            Msg::Soft => format!("syntax error: {}", unexpected),
            Msg::Plain(m) => m,
            Msg::Syntax(m) if m.starts_with("expected ") => {
                format!("syntax error: {}, {}", unexpected, m)
            }
            Msg::Syntax(m)
                if m.starts_with("in ") || m.starts_with("at ") || m.starts_with("after ") =>
            {
                format!("syntax error: {} {}", unexpected, m)
            }
            Msg::Syntax(m) => format!("syntax error: {}", m),
        };
        Diagnostic::new(pos, text)
    }
}

impl<'a> ParseError<Tokens<'a>> for PErr<'a> {
    fn from_error_kind(input: Tokens<'a>, _kind: ErrorKind) -> Self {
        PErr::new(&input, Msg::Soft)
    }

    fn append(_input: Tokens<'a>, _kind: ErrorKind, other: Self) -> Self {
        other
    }

    /// `alt` keeps the error that got furthest, preferring a real message.
    fn or(self, other: Self) -> Self {
        match other.left.cmp(&self.left) {
            std::cmp::Ordering::Less => other,
            std::cmp::Ordering::Greater => self,
            std::cmp::Ordering::Equal if matches!(self.0.msg, Msg::Soft) => other,
            std::cmp::Ordering::Equal => self,
        }
    }
}

pub type PResult<'a, O> = IResult<Tokens<'a>, O, PErr<'a>>;

/// A recoverable "not here" error at the current token.
pub fn soft<'a, O>(i: &Tokens<'a>) -> PResult<'a, O> {
    Err(nom::Err::Error(PErr::new(i, Msg::Soft)))
}

/// A committed syntax error at the current token.
pub fn fail<'a, O>(i: &Tokens<'a>, msg: impl Into<String>) -> PResult<'a, O> {
    Err(nom::Err::Failure(PErr::new(i, Msg::Syntax(msg.into()))))
}

/// A committed error at a given position, printed as is.
pub fn fail_plain_at<'a, O>(i: &Tokens<'a>, pos: Pos, msg: impl Into<String>) -> PResult<'a, O> {
    let mut e = PErr::new(i, Msg::Plain(msg.into()));
    e.at = Some(pos);
    Err(nom::Err::Failure(e))
}

/// A committed syntax error reported at another position.
pub fn fail_at<'a, O>(i: &Tokens<'a>, pos: Pos, msg: impl Into<String>) -> PResult<'a, O> {
    let mut e = PErr::new(i, Msg::Syntax(msg.into()));
    e.at = Some(pos);
    Err(nom::Err::Failure(e))
}

/// Matches operator or punctuation `s`.
pub fn op<'a>(s: &'static str) -> impl Fn(Tokens<'a>) -> PResult<'a, &'a Token<'a>> {
    move |i: Tokens<'a>| {
        let t = i.peek();
        if t.is_op(s) {
            Ok((i.advance(1), t))
        } else {
            soft(&i)
        }
    }
}

/// Matches keyword `s`.
pub fn kw<'a>(s: &'static str) -> impl Fn(Tokens<'a>) -> PResult<'a, &'a Token<'a>> {
    move |i: Tokens<'a>| {
        let t = i.peek();
        if t.is_kw(s) {
            Ok((i.advance(1), t))
        } else {
            soft(&i)
        }
    }
}

/// Like `op`, but a mismatch is Go's `unexpected X, expected s`.
pub fn want<'a>(s: &'static str) -> impl Fn(Tokens<'a>) -> PResult<'a, &'a Token<'a>> {
    move |i: Tokens<'a>| match op(s)(i) {
        Ok(r) => Ok(r),
        Err(_) => fail(
            &i,
            format!("expected {}", if s == "," { "comma" } else { s }),
        ),
    }
}

/// An explicit or inserted semicolon.
pub fn semi(i: Tokens<'_>) -> PResult<'_, &Token<'_>> {
    let t = i.peek();
    if t.kind == Kind::Semi {
        Ok((i.advance(1), t))
    } else {
        soft(&i)
    }
}

pub fn ident(i: Tokens<'_>) -> PResult<'_, Ident> {
    let t = i.peek();
    if t.kind == Kind::Ident {
        Ok((
            i.advance(1),
            Ident {
                name: t.text.to_string(),
                pos: t.pos,
            },
        ))
    } else {
        soft(&i)
    }
}

/// `ident`, committed: Go's `expected name`.
pub fn name(i: Tokens<'_>) -> PResult<'_, Ident> {
    match ident(i) {
        Ok(r) => Ok(r),
        Err(_) => fail(&i, "expected name"),
    }
}

/// Runs `f` one nesting level deeper, refusing to go past `MAX_NESTING`.
/// This bounds the parser's own recursion and the depth of the tree that
/// later passes walk recursively.
pub fn nested<'a, O>(
    mut f: impl FnMut(Tokens<'a>) -> PResult<'a, O>,
) -> impl FnMut(Tokens<'a>) -> PResult<'a, O> {
    move |i: Tokens<'a>| {
        let inner = deeper(&i, 1)?;
        let (rest, out) = f(inner)?;
        Ok((rest.restore(&i), out))
    }
}

/// `i` with `n` more levels of depth, or the nesting-limit error.
pub fn deeper<'a>(i: &Tokens<'a>, n: usize) -> Result<Tokens<'a>, nom::Err<PErr<'a>>> {
    let depth = i.depth as usize + n;
    if depth > MAX_NESTING {
        let mut e = PErr::new(
            i,
            Msg::Plain(format!(
                "chanscope: nesting too deep (limit {})",
                MAX_NESTING
            )),
        );
        e.at = Some(i.pos());
        return Err(nom::Err::Failure(e));
    }
    Ok(Tokens {
        depth: depth as u16,
        ..*i
    })
}

/// Runs `f` with composite literals of bare type names allowed or not.
pub fn with_ctrl<'a, O>(
    ctrl: bool,
    mut f: impl FnMut(Tokens<'a>) -> PResult<'a, O>,
) -> impl FnMut(Tokens<'a>) -> PResult<'a, O> {
    move |i: Tokens<'a>| {
        let (rest, out) = f(Tokens { ctrl, ..i })?;
        Ok((rest.restore(&i), out))
    }
}

/// Go's `list`: elements separated by commas (or semicolons), an optional
/// trailing separator, then `close`. `f` parses one element and pushes it
/// (so no element-sized temporaries live in this frame on the recursion
/// path); it returns true to end the list early (after `...` in
/// arguments). Returns the elements and the position of `close`.
pub fn list<'a, O>(
    context: &'static str,
    sep: &'static str,
    close: &'static str,
    mut f: impl FnMut(Tokens<'a>, &mut Vec<O>) -> PResult<'a, bool>,
) -> impl FnMut(Tokens<'a>) -> PResult<'a, (Vec<O>, Pos)> {
    move |mut i: Tokens<'a>| {
        let mut out = Vec::new();
        loop {
            let t = i.peek();
            if t.kind == Kind::Eof || t.is_op(close) {
                break;
            }
            let (rest, done) = match f(i, &mut out) {
                Err(nom::Err::Error(e)) => return Err(nom::Err::Failure(e)),
                r => r?,
            };
            i = rest;
            let t = i.peek();
            let got_sep = if sep == ";" {
                t.kind == Kind::Semi
            } else {
                t.is_op(sep)
            };
            if got_sep {
                i = i.advance(1);
            } else if !t.is_op(close) {
                let sep_name = if sep == "," {
                    "comma"
                } else {
                    "semicolon or newline"
                };
                return fail(
                    &i,
                    format!("in {}; possibly missing {} or {}", context, sep_name, close),
                );
            }
            if done {
                break;
            }
        }
        let (i, t) = want(close)(i)?;
        Ok((i, (out, t.pos)))
    }
}

/// Adapts a parser of one element to `list`'s pushing interface.
pub fn push<'a, O>(
    mut f: impl FnMut(Tokens<'a>) -> PResult<'a, O>,
) -> impl FnMut(Tokens<'a>, &mut Vec<O>) -> PResult<'a, bool> {
    move |i, out| {
        let (i, x) = f(i)?;
        out.push(x);
        Ok((i, false))
    }
}
